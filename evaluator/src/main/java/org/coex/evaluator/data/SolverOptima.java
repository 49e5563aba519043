package org.coex.evaluator.data;

import java.util.List;
import org.coex.accel.optimize.Candidate;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.HwOptimizer;
import org.coex.accel.optimize.Objective;
import org.coex.accel.optimize.OptimizeProblem;
import org.coex.accel.optimize.OptimizeResult;
import org.coex.accel.space.HwConfig;
import org.coex.evaluator.cube.ConfigCosts;

/**
 * Optimal-configuration labels for design spaces too large to enumerate: {@code coex optimize}'s
 * Timefold solver ({@link HwOptimizer}), one run per vector with at most {@code budget} distinct
 * configurations costed, where a configuration's metrics under the vector are its
 * {@link org.coex.evaluator.cube.ConfigRow} applied to the vector (rows shared across vectors).
 * Like {@code coex optimize}, each run starts from the best of {@code budget / 4} random probes, but
 * here the probe set is drawn once (seeded) and shared by every vector: their rows are computed once,
 * so probing a vector costs dot products only.
 * Each run is seeded with the seed and the vector's hash, so labels depend on neither batch nor thread.
 */
public final class SolverOptima implements Optima {
    private final ConfigCosts costs;
    private final Objective objective;
    private final List<HardLimit> limits;
    private final long budget;
    private final long seed;
    private final long[] probes;

    public SolverOptima(ConfigCosts costs, Objective objective, List<HardLimit> limits, long budget, long seed) {
        if (budget < 1) throw new IllegalArgumentException("budget must be >= 1, found " + budget);
        this.costs = costs;
        this.objective = objective;
        this.limits = List.copyOf(limits);
        this.budget = budget;
        this.seed = seed;
        this.probes = HwOptimizer.probes(costs.configCount(), Math.max(1, budget / 4), seed);
    }

    @Override public String method() { return "coex optimize solver, at most " + budget + " configurations per architecture"; }

    @Override public Choice[] best(double[][] probabilities) {
        Choice[] out = new Choice[probabilities.length];
        for (int r = 0; r < probabilities.length; r++) out[r] = best(probabilities[r], seed * 31 + java.util.Arrays.hashCode(probabilities[r]));
        return out;
    }

    /** The solver's choice for one vector. @throws IllegalArgumentException if it met no configuration the template accepts */
    public Choice best(double[] p, long runSeed) {
        OptimizeProblem problem = new OptimizeProblem((index, config) -> costs.metrics((int) index, p), costs.key().designSpace(),
                HwConfig.of(), objective, limits);
        OptimizeResult result = HwOptimizer.optimize(problem, budget, runSeed, costs.key().designSpace().choices(HwOptimizer.bestOf(problem, probes)));
        Candidate c = result.best();
        if (c.metrics() == null) {
            throw new IllegalArgumentException("the solver met no configuration the template accepts in " + result.evaluations() + " tries (" + c.refusal()
                    + "); narrow the design space");
        }
        return new Choice((int) c.index(), c.isFeasible(), c.metrics());
    }
}
