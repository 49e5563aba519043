package org.coex.nas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage's searchable width, by channel masking (FBNetV2): the stage's layers hold weights for the
 * widest choice, and each forward pass multiplies their outputs by
 * <pre>  m = sum over drawn widths i of g_i * [c &lt; w_i]   (c = channel index)</pre>
 * with the draw's weights g ({@link ChoiceDraw}, the same path sampling as the ops), so a one-hot draw
 * is exactly the network of that width with the first w_i channels of the shared weights. An MBConv
 * of expansion e reading this stage masks its hidden channels likewise at e * w_i. One draw serves
 * every layer of the stage in a forward pass ({@link #draw}).
 */
public final class WidthChoice extends AbstractBlock implements ArchitectureChoice {
    private final int stage;
    private final List<Integer> widths;
    private final Parameter alpha;
    private final PathSampler sampler;
    private final Map<Integer, NDArray> masks = new HashMap<>();
    private int fixed = -1;
    private ChoiceDraw current;
    private NDManager scope;

    public WidthChoice(int stage, List<Integer> widths, PathSampler sampler) {
        this.stage = stage;
        this.widths = List.copyOf(widths);
        this.sampler = sampler;
        this.alpha = addParameter(Parameter.builder().setName("alpha").setType(Parameter.Type.OTHER)
                .optShape(new Shape(widths.size())).optInitializer(new ConstantInitializer(0f)).build());
    }

    @Override public Parameter alpha() { return alpha; }

    public int stage() { return stage; }

    @Override public void fix(int choice) {
        if (choice < -1 || choice >= widths.size()) throw new IllegalArgumentException("no width " + choice + " in stage " + stage);
        this.fixed = choice;
    }

    /** Draws this forward pass's widths; masks are then made in {@code scope} as layers ask. */
    void draw(ParameterStore ps, NDManager scope, boolean training) {
        NDArray a = ps.getValue(alpha, scope.getDevice(), training);
        this.scope = scope;
        this.current = ChoiceDraw.of(sampler, a, scope, fixed);
        masks.clear();
    }

    /** The mask [1, factor x widest, 1, 1] of this pass's draw for channels counted in units of {@code factor}. */
    NDArray mask(int factor) {
        if (current == null) throw new IllegalStateException("stage " + stage + ": no width drawn for this forward pass");
        return masks.computeIfAbsent(factor, f -> {
            int channels = f * java.util.Collections.max(widths);
            int[] drawn = current.choices();
            float[] steps = new float[drawn.length * channels];
            for (int i = 0; i < drawn.length; i++) java.util.Arrays.fill(steps, i * channels, i * channels + f * widths.get(drawn[i]), 1f);
            NDArray s = scope.create(steps, new Shape(drawn.length, channels));
            NDArray m = current.weights() == null ? s : current.weights().reshape(1, drawn.length).matMul(s);
            return m.reshape(1, channels, 1, 1);
        });
    }

    @Override protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("a width choice is drawn by its supernet, not run as a layer");
    }

    @Override public Shape[] getOutputShapes(Shape[] in) { return in; }

    @Override protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {}
}
