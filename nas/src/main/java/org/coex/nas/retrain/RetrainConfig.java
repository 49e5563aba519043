package org.coex.nas.retrain;

/**
 * Training a derived network from scratch: SGD with momentum, weight decay on convolution and
 * linear weights (not on BatchNorm scales and shifts or biases), label smoothing, a learning rate
 * that rises linearly over {@code warmupEpochs} and then follows a cosine to zero, set at every
 * step; crop and flip augmentation; seed.
 */
public record RetrainConfig(int epochs, int batchSize, double lr, double momentum, double weightDecay, double labelSmoothing,
                            int warmupEpochs, int cropPadding, boolean flip, long seed) {
    public RetrainConfig {
        if (epochs < 1 || batchSize < 1 || !(lr > 0)) throw new IllegalArgumentException("need epochs >= 1, batch size >= 1, lr > 0");
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) throw new IllegalArgumentException("need 0 <= label smoothing < 1, found " + labelSmoothing);
        if (warmupEpochs < 0 || warmupEpochs >= epochs) throw new IllegalArgumentException("need 0 <= warm-up epochs < epochs, found " + warmupEpochs);
        if (cropPadding < 0) throw new IllegalArgumentException("need crop padding >= 0, found " + cropPadding);
    }

    /** The same run with another epoch count (a time budget fixes it after the warm-up has started). */
    public RetrainConfig withEpochs(int newEpochs) {
        return new RetrainConfig(newEpochs, batchSize, lr, momentum, weightDecay, labelSmoothing, warmupEpochs, cropPadding, flip, seed);
    }

    /**
     * The learning rate of step {@code step} (of {@code steps}) in epoch {@code epoch}. With t the
     * epochs done after this step, w the warm-up epochs and E the epochs: lr t / w while t <= w, then
     * lr (1 + cos(pi (t' - w) / (E - w))) / 2 with t' the epochs done before this step, so the first
     * step after warm-up runs at lr and the schedule never depends on E during warm-up.
     */
    public double lrAt(int epoch, int step, int steps) {
        double after = epoch + (step + 1.0) / steps;
        if (after <= warmupEpochs) return lr * after / warmupEpochs;
        double before = epoch + (double) step / steps;
        return lr * 0.5 * (1 + Math.cos(Math.PI * Math.max(0, before - warmupEpochs) / (epochs - warmupEpochs)));
    }

    public long epochSeed(int epoch) { return seed * 0x9E3779B97F4A7C15L + epoch * 0x94D049BB133111EBL; }
}
