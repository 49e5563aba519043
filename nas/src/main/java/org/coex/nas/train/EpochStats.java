package org.coex.nas.train;

import org.coex.nas.space.Architecture;

/** What one search epoch did: losses, accuracies, how undecided alpha still is (mean entropy, nats), the argmax architecture. */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationAccuracy, double alphaEntropy,
                         Architecture architecture, double seconds) {}
