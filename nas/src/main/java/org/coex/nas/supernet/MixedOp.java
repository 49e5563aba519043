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
 * One searchable layer of the supernet: its candidate ops (MBConv blocks, or identity for skip) and
 * the architecture parameters alpha (one per candidate, zero at start), mixed as the shared
 * {@link PathSampler} says.
 */
public final class MixedOp extends AbstractBlock {
    private final List<Block> candidates = new ArrayList<>();
    private final List<Boolean> identity = new ArrayList<>();
    private final Parameter alpha;
    private final PathSampler sampler;
    private final SearchableLayer layer;
    private int fixed = -1;

    public MixedOp(SearchableLayer layer, PathSampler sampler) {
        this.layer = layer;
        this.sampler = sampler;
        for (int i = 0; i < layer.candidates().size(); i++) {
            Op op = layer.candidates().get(i);
            identity.add(op.isSkip());
            candidates.add(op.isSkip() ? null : addChildBlock(op.name(),
                    new MbConvBlock(layer.inChannels(), layer.outChannels(), op.kernel(), op.expansion(), layer.stride())));
        }
        this.alpha = addParameter(Parameter.builder().setName("alpha").setType(Parameter.Type.OTHER)
                .optShape(new Shape(layer.candidates().size())).optInitializer(new ConstantInitializer(0f)).build());
    }

    public Parameter alpha() { return alpha; }

    public SearchableLayer layer() { return layer; }

    /** Until {@code fix(-1)}, every forward pass takes this candidate alone, whatever the sampler says. */
    void fix(int candidate) {
        if (candidate < -1 || candidate >= candidates.size()) throw new IllegalArgumentException("no candidate " + candidate + " in " + layer.index());
        this.fixed = candidate;
    }

    private NDArray path(ParameterStore ps, int i, NDArray x, boolean training) {
        return identity.get(i) ? x : candidates.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (fixed >= 0) return new NDList(path(ps, fixed, x, training));
        // alpha lives in the model's manager: every expression below starts from an array of the step's
        // scope (the result of an operation belongs to its first operand's manager), so temporaries die with the step
        NDArray a = ps.getValue(alpha, x.getDevice(), training);
        NDManager scope = x.getManager();
        int n = candidates.size();
        switch (sampler.strategy()) {
            case ARGMAX -> {
                float[] v = a.toFloatArray();
                int best = 0;
                for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
                return new NDList(path(ps, best, x, training));
            }
            case SAMPLED -> {
                return new NDList(path(ps, sampler.draw(softmax(a.toFloatArray())), x, training));
            }
            case GUMBEL, EXPECTED -> {
                float[] g = new float[n];
                if (sampler.strategy() == PathSampler.Strategy.GUMBEL) for (int i = 0; i < n; i++) g[i] = sampler.gumbel();
                NDArray w = TorchScalars.dividedBy(scope.create(g).add(a), sampler.temperature()).softmax(0);
                NDArray out = null;
                for (int i = 0; i < n; i++) {
                    NDArray term = path(ps, i, x, training).mul(w.get(i));
                    out = out == null ? term : out.add(term);
                }
                return new NDList(out);
            }
            default -> {
                if (n == 1) return new NDList(path(ps, 0, x, training));
                double[] p = softmax(a.toFloatArray());
                int first = sampler.draw(p);
                double[] rest = p.clone();
                rest[first] = 0;
                double sum = 0;
                for (double v : rest) sum += v;
                for (int i = 0; i < n; i++) rest[i] = sum > 0 ? rest[i] / sum : (i == first ? 0 : 1.0 / (n - 1));
                int second = sampler.draw(rest);
                float[] select = new float[2 * n];
                select[first] = 1;
                select[n + second] = 1;
                NDArray pair = scope.create(select, new Shape(2, n)).matMul(a).softmax(0);
                float[] pp = pair.toFloatArray();
                int chosen = sampler.uniform() < pp[0] ? 0 : 1;
                float[] hot = new float[] {chosen == 0 ? 1 : 0, chosen == 1 ? 1 : 0};
                NDArray gates = scope.create(hot).add(pair).sub(pair.stopGradient());
                NDArray out = path(ps, first, x, training).mul(gates.get(0)).add(path(ps, second, x, training).mul(gates.get(1)));
                return new NDList(out);
            }
        }
    }

    static double[] softmax(float[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : a) max = Math.max(max, v);
        double[] e = new double[a.length];
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            e[i] = Math.exp(a[i] - max);
            s += e[i];
        }
        for (int i = 0; i < a.length; i++) e[i] /= s;
        return e;
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
