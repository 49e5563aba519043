package org.coex.evaluator.data;

import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.coex.nas.space.ArchEncoding;

/**
 * Draws choice-probability vectors (encoding layout: every layer's op, every searched stage's width)
 * of the three kinds a search feeds the evaluator:
 * <ul>
 *   <li>{@link Kind#ONE_HOT}: an architecture, each choice uniform;</li>
 *   <li>{@link Kind#MIXTURE}: a Dirichlet(1, 1, 1)-weighted mix of three architectures (what binary
 *       gates' alpha passes through while it decides);</li>
 *   <li>{@link Kind#SOFT}: per block Dirichlet(beta) with beta log-uniform in [0.05, 20], from nearly
 *       one-hot to nearly uniform (softmax(alpha) anywhere in a search).</li>
 * </ul>
 */
public final class ArchSampler {
    public enum Kind { ONE_HOT, MIXTURE, SOFT }

    private final ArchEncoding encoding;
    private final RandomGenerator rng;

    public ArchSampler(ArchEncoding encoding, RandomGenerator rng) {
        this.encoding = encoding;
        this.rng = rng;
    }

    public double[] draw(Kind kind) {
        return switch (kind) {
            case ONE_HOT -> oneHot();
            case MIXTURE -> mixture();
            case SOFT -> soft();
        };
    }

    private double[] oneHot() {
        double[] v = new double[encoding.length()];
        List<Integer> blocks = encoding.blocks();
        for (int b = 0; b < blocks.size(); b++) v[encoding.blockOffset(b) + rng.nextInt(blocks.get(b))] = 1;
        return v;
    }

    private double[] mixture() {
        double[] w = dirichlet(3, 1.0);
        double[] v = new double[encoding.length()];
        for (double wi : w) {
            double[] a = oneHot();
            for (int k = 0; k < v.length; k++) v[k] += wi * a[k];
        }
        return v;
    }

    private double[] soft() {
        double beta = Math.exp(Math.log(0.05) + rng.nextDouble() * (Math.log(20) - Math.log(0.05)));
        double[] v = new double[encoding.length()];
        List<Integer> blocks = encoding.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            double[] p = dirichlet(blocks.get(b), beta);
            System.arraycopy(p, 0, v, encoding.blockOffset(b), p.length);
        }
        return v;
    }

    /** Dirichlet(beta, ..., beta) as normalized Gamma(beta, 1) draws; an all-underflow draw falls back to one-hot. */
    private double[] dirichlet(int n, double beta) {
        GammaDistribution g = new GammaDistribution(rng, beta, 1.0);
        double[] x = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) sum += x[j] = g.sample();
        if (!(sum > 0)) {
            x = new double[n];
            x[rng.nextInt(n)] = 1;
            return x;
        }
        for (int j = 0; j < n; j++) x[j] /= sum;
        return x;
    }
}
