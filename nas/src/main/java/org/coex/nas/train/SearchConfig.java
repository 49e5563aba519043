package org.coex.nas.train;

import org.coex.nas.supernet.PathSampler;

/**
 * Settings of a supernet search: epochs (the first {@code warmupEpochs} train weights only), batch
 * size, weight optimizer (SGD with momentum and weight decay, cosine schedule from {@code weightLr}),
 * alpha optimizer (Adam at {@code alphaLr}), path strategy, Gumbel temperature tau0 * decay^epoch,
 * augmentation, seed, and the weight lambda of the hardware cost in the alpha loss
 * (CE + lambda * expected cost / cost at uniform alpha; 0 without a cost table).
 */
public record SearchConfig(int epochs, int warmupEpochs, int batchSize, double weightLr, double momentum, double weightDecay,
                           double alphaLr, PathSampler.Strategy strategy, double tau0, double tauDecay, int cropPadding,
                           boolean flip, long seed, double costLambda) {
    public SearchConfig {
        if (epochs < 1 || warmupEpochs < 0 || warmupEpochs > epochs || batchSize < 1) {
            throw new IllegalArgumentException("need epochs >= 1, 0 <= warmup <= epochs, batch size >= 1");
        }
        if (!(costLambda >= 0)) throw new IllegalArgumentException("cost lambda must be >= 0, found " + costLambda);
        if (strategy != PathSampler.Strategy.GUMBEL && strategy != PathSampler.Strategy.BINARY_GATES) {
            throw new IllegalArgumentException("search with gumbel or binary_gates");
        }
    }

    /** Weight learning rate of an epoch: lr0 * (1 + cos(pi * epoch / epochs)) / 2. */
    public double weightLrAt(int epoch) { return weightLr * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs)); }

    public double temperatureAt(int epoch) { return tau0 * Math.pow(tauDecay, epoch); }

    /** The seed of an epoch's generator: resuming at epoch e recreates exactly the same stream. */
    public long epochSeed(int epoch) { return seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L; }
}
