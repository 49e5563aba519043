package org.coex.evaluator.data;

import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.evaluator.cube.ConfigCosts;
import org.coex.evaluator.cube.CostCube;

/** Labels op-probability vectors with their best configuration under an objective and hard limits. Thread-safe. */
public interface Optima {
    /** The best configuration of one vector, whether it meets every limit, and its metrics there. */
    record Choice(int config, boolean feasible, Metrics metrics) {}

    /** The best configuration of each row of {@code probabilities}. */
    Choice[] best(double[][] probabilities);

    /** How the optima are found, for manifests. */
    String method();

    /** Exhaustive search over a cube; {@code coex optimize}'s solver with {@code solverBudget} per vector over costs on demand. */
    static Optima of(ConfigCosts costs, Objective objective, List<HardLimit> limits, long solverBudget, long seed) {
        return costs instanceof CostCube cube ? new OptimalConfigs(cube, objective, limits) : new SolverOptima(costs, objective, limits, solverBudget, seed);
    }
}
