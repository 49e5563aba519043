package org.coex.nas.retrain;

/** Training a derived network from scratch: SGD with momentum and weight decay, cosine schedule, augmentation, seed. */
public record RetrainConfig(int epochs, int batchSize, double lr, double momentum, double weightDecay, int cropPadding, boolean flip,
                            long seed) {
    public RetrainConfig {
        if (epochs < 1 || batchSize < 1 || !(lr > 0)) throw new IllegalArgumentException("need epochs >= 1, batch size >= 1, lr > 0");
    }

    public double lrAt(int epoch) { return lr * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs)); }

    public long epochSeed(int epoch) { return seed * 0x9E3779B97F4A7C15L + epoch * 0x94D049BB133111EBL; }
}
