package org.coex.nas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.coex.nas.space.Op;
import org.coex.nas.space.SearchableLayer;

/**
 * One searchable layer of the supernet: its candidate ops (MBConv blocks at the widest widths, or
 * identity for skip) and the architecture parameters alpha (one per candidate, zero at start), mixed
 * as the shared {@link PathSampler} says. Where a stage's width is searched, the MBConvs are masked by
 * that stage's {@link WidthChoice}: hidden channels by the input stage's, outputs by the output stage's.
 */
public final class MixedOp extends AbstractBlock implements ArchitectureChoice {
    private final List<MbConvBlock> candidates = new ArrayList<>();
    private final Parameter alpha;
    private final PathSampler sampler;
    private final SearchableLayer layer;
    private final WidthChoice inWidth;
    private final WidthChoice outWidth;
    private int fixed = -1;

    /** @param inWidth the width choice of the input's stage, null when fixed; {@code outWidth} likewise */
    public MixedOp(SearchableLayer layer, PathSampler sampler, WidthChoice inWidth, WidthChoice outWidth) {
        this.layer = layer;
        this.sampler = sampler;
        this.inWidth = inWidth;
        this.outWidth = outWidth;
        for (Op op : layer.candidates()) {
            candidates.add(op.isSkip() ? null : addChildBlock(op.name(),
                    new MbConvBlock(layer.inChannels(), layer.outChannels(), op.kernel(), op.expansion(), layer.stride(), layer.residual())));
        }
        this.alpha = addParameter(Parameter.builder().setName("alpha").setType(Parameter.Type.OTHER)
                .optShape(new Shape(layer.candidates().size())).optInitializer(new ConstantInitializer(0f)).build());
    }

    /** A layer of fixed widths. */
    public MixedOp(SearchableLayer layer, PathSampler sampler) {
        this(layer, sampler, null, null);
    }

    @Override public Parameter alpha() { return alpha; }

    public SearchableLayer layer() { return layer; }

    @Override public void fix(int candidate) {
        if (candidate < -1 || candidate >= candidates.size()) throw new IllegalArgumentException("no candidate " + candidate + " in " + layer.index());
        this.fixed = candidate;
    }

    private NDArray path(ParameterStore ps, int i, NDArray x, boolean training) {
        MbConvBlock block = candidates.get(i);
        if (block == null) return x;
        if (inWidth == null && outWidth == null) return block.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray hidden = inWidth == null ? null : inWidth.mask(layer.candidates().get(i).expansion());
        NDArray out = outWidth == null ? null : outWidth.mask(1);
        return block.forward(ps, x, training, hidden, out);
    }

    @Override protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        // alpha lives in the model's manager: every expression below starts from an array of the step's
        // scope (the result of an operation belongs to its first operand's manager), so temporaries die with the step
        NDArray a = fixed >= 0 ? null : ps.getValue(alpha, x.getDevice(), training);
        ChoiceDraw draw = ChoiceDraw.of(sampler, a, x.getManager(), fixed);
        if (draw.weights() == null) return new NDList(path(ps, draw.choices()[0], x, training));
        NDArray out = null;
        for (int i = 0; i < draw.choices().length; i++) {
            NDArray term = path(ps, draw.choices()[i], x, training).mul(draw.weights().get(i));
            out = out == null ? term : out.add(term);
        }
        return new NDList(out);
    }

    @Override public Shape[] getOutputShapes(Shape[] in) {
        Shape s = in[0];
        return new Shape[] {new Shape(s.get(0), layer.outChannels(), (s.get(2) + layer.stride() - 1) / layer.stride(),
                (s.get(3) + layer.stride() - 1) / layer.stride())};
    }

    @Override protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        for (Block b : candidates) if (b != null) b.initialize(manager, dataType, in);
    }
}
