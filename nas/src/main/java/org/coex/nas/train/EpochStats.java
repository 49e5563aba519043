package org.coex.nas.train;

import org.coex.nas.space.Architecture;

/** What one search epoch did: losses, accuracies, how undecided alpha still is (mean entropy, nats), the argmax architecture. */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationAccuracy, double alphaEntropy,
                         Architecture architecture, double seconds) {
    /** The fields a log line starts with: epoch, train_loss, train_accuracy, validation_accuracy, alpha_entropy, architecture (and widths: each stage's width index, where searched). */
    public java.util.Map<String, Object> logFields() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("train_loss", trainLoss);
        m.put("train_accuracy", trainAccuracy);
        m.put("validation_accuracy", validationAccuracy);
        m.put("alpha_entropy", alphaEntropy);
        m.put("architecture", architecture.choices());
        if (!architecture.widths().isEmpty()) m.put("widths", architecture.widths());
        return m;
    }
}
