package org.coex.evaluator.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * An MLP with DANCE's feature forwarding: the first {@code forwarded} input features (the
 * architecture encoding) are concatenated to the input of every hidden and output layer, so late
 * layers still see the architecture directly. Hidden layers use ReLU; the output is linear.
 * Input [B, inputs] -> output [B, outputs].
 */
public final class ForwardingMlp extends AbstractBlock {
    private final int inputs;
    private final int forwarded;
    private final int[] hidden;
    private final int outputs;
    private final List<Linear> layers = new ArrayList<>();

    public ForwardingMlp(int inputs, int forwarded, int[] hidden, int outputs) {
        if (forwarded < 0 || forwarded > inputs) throw new IllegalArgumentException("forwarded features must be within the inputs");
        this.inputs = inputs;
        this.forwarded = forwarded;
        this.hidden = hidden.clone();
        this.outputs = outputs;
        for (int i = 0; i <= hidden.length; i++) {
            int units = i < hidden.length ? hidden[i] : outputs;
            layers.add(addChildBlock("dense" + i, Linear.builder().setUnits(units).build()));
        }
    }

    @Override protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray x = in.singletonOrThrow();
        NDArray a = forwarded == inputs ? x : x.get(":, 0:" + forwarded);
        NDArray h = x;
        for (int i = 0; i < layers.size(); i++) {
            if (i > 0 && forwarded > 0) h = NDArrays.concat(new NDList(h, a), 1);
            h = layers.get(i).forward(ps, new NDList(h), training).singletonOrThrow();
            if (i < hidden.length) h = Activation.relu(h);
        }
        return new NDList(h);
    }

    @Override public Shape[] getOutputShapes(Shape[] in) { return new Shape[] {new Shape(in[0].get(0), outputs)}; }

    @Override protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        long batch = in[0].get(0);
        for (int i = 0; i < layers.size(); i++) {
            long width = i == 0 ? inputs : hidden[i - 1] + forwarded;
            layers.get(i).initialize(manager, dataType, new Shape(batch, width));
        }
    }
}
