package org.coex.evaluator.data;

import org.coex.accel.cost.Metrics;

/** Labels op-probability vectors with their best configuration under an objective and hard limits. Thread-safe. */
public interface Optima {
    /** The best configuration of one vector, whether it meets every limit, and its metrics there. */
    record Choice(int config, boolean feasible, Metrics metrics) {}

    /** The best configuration of each row of {@code probabilities}. */
    Choice[] best(double[][] probabilities);
}
