package org.coex.nas.supernet;

import java.util.SplittableRandom;

/**
 * How every mixed layer of a supernet picks its paths, shared by all of them and driven by one seeded
 * generator (so the same seed gives the same paths):
 * <ul>
 *   <li>{@link Strategy#GUMBEL} (FBNet): all paths, weighted by softmax((alpha + g) / tau), g Gumbel noise;</li>
 *   <li>{@link Strategy#BINARY_GATES} (ProxylessNAS): two distinct paths drawn from softmax(alpha), one of
 *       them chosen by softmax over their two alphas; its gate is 1 forward, and the straight-through
 *       estimator carries the gradient to both alphas; only two paths are computed (architecture steps);</li>
 *   <li>{@link Strategy#SAMPLED} (ProxylessNAS weight steps): one path drawn from softmax(alpha), no
 *       gradient to alpha, so a step costs what one network costs;</li>
 *   <li>{@link Strategy#EXPECTED}: all paths weighted by softmax(alpha / tau), no noise (evaluating a Gumbel supernet);</li>
 *   <li>{@link Strategy#ARGMAX}: the most likely path only (the derived network).</li>
 * </ul>
 */
public final class PathSampler {
    public enum Strategy { GUMBEL, BINARY_GATES, SAMPLED, EXPECTED, ARGMAX }

    private Strategy strategy;
    private double temperature;
    private SplittableRandom rng;

    public PathSampler(Strategy strategy, double temperature, long seed) {
        this.strategy = strategy;
        this.temperature = temperature;
        this.rng = new SplittableRandom(seed);
    }

    public Strategy strategy() { return strategy; }

    public void setStrategy(Strategy s) { this.strategy = s; }

    public double temperature() { return temperature; }

    /** FBNet anneals the temperature, e.g. tau = tau0 * 0.956^epoch. */
    public void setTemperature(double t) {
        if (!(t > 0)) throw new IllegalArgumentException("temperature must be > 0, found " + t);
        this.temperature = t;
    }

    /** Replaces the generator (used when resuming from a checkpoint). */
    public void reseed(long seed) { this.rng = new SplittableRandom(seed); }

    double uniform() { return rng.nextDouble(); }

    /** Standard Gumbel noise: -log(-log(u)). */
    float gumbel() {
        double u = Math.max(1e-12, Math.min(1 - 1e-12, rng.nextDouble()));
        return (float) -Math.log(-Math.log(u));
    }

    /** An index drawn from these probabilities. */
    int draw(double[] p) {
        double u = rng.nextDouble();
        double c = 0;
        for (int i = 0; i < p.length; i++) {
            c += p[i];
            if (u < c) return i;
        }
        return p.length - 1;
    }
}
