package org.coex.nas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Which choices of one categorical block (a layer's ops, a stage's widths) a forward pass computes,
 * and their weights, as the shared {@link PathSampler} says. {@code weights} is null when one choice
 * is taken as it is (no gradient to alpha: argmax, a sampled weight step, a fixed choice); otherwise it
 * holds one differentiable weight per computed choice.
 */
record ChoiceDraw(int[] choices, NDArray weights) {

    /** One choice, taken as is. */
    static ChoiceDraw single(int choice) { return new ChoiceDraw(new int[] {choice}, null); }

    /**
     * The draw for {@code alpha} ([n], alpha of the block): {@code fixed} when >= 0, otherwise per
     * strategy. Arrays are made in {@code scope}, the step's manager.
     */
    static ChoiceDraw of(PathSampler sampler, NDArray alpha, NDManager scope, int fixed) {
        if (fixed >= 0) return single(fixed);
        int n = (int) alpha.size();
        switch (sampler.strategy()) {
            case ARGMAX -> {
                float[] v = alpha.toFloatArray();
                int best = 0;
                for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
                return single(best);
            }
            case SAMPLED -> {
                return single(sampler.draw(softmax(alpha.toFloatArray())));
            }
            case GUMBEL, EXPECTED -> {
                float[] g = new float[n];
                if (sampler.strategy() == PathSampler.Strategy.GUMBEL) for (int i = 0; i < n; i++) g[i] = sampler.gumbel();
                int[] all = new int[n];
                for (int i = 0; i < n; i++) all[i] = i;
                return new ChoiceDraw(all, TorchScalars.dividedBy(scope.create(g).add(alpha), sampler.temperature()).softmax(0));
            }
            default -> {
                if (n == 1) return single(0);
                double[] p = softmax(alpha.toFloatArray());
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
                NDArray pair = scope.create(select, new Shape(2, n)).matMul(alpha).softmax(0);
                float[] pp = pair.toFloatArray();
                int chosen = sampler.uniform() < pp[0] ? 0 : 1;
                float[] hot = new float[] {chosen == 0 ? 1 : 0, chosen == 1 ? 1 : 0};
                // 1 forward for the chosen path, 0 for the other; the straight-through gradient reaches both alphas
                return new ChoiceDraw(new int[] {first, second}, scope.create(hot).add(pair).sub(pair.stopGradient()));
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
}
