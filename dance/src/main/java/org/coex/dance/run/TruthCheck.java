package org.coex.dance.run;

import java.util.ArrayList;
import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.HwOptimizer;
import org.coex.accel.optimize.Objective;
import org.coex.accel.optimize.OptimizeProblem;
import org.coex.accel.optimize.OptimizeResult;
import org.coex.accel.space.HwConfig;
import org.coex.evaluator.cube.ConfigCosts;
import org.coex.nas.space.Architecture;

/**
 * The end of a co-exploration: the derived architecture on the chosen configuration, re-measured
 * with the analytic cost model (the truth). When a hard limit fails there, the configuration is
 * repaired by exact constrained search over the design space ({@code coex optimize}'s solver: proven
 * optimum when the budget covers the space); if no configuration meets the limits, the least
 * violating one is kept and the shortfall reported.
 */
public final class TruthCheck {
    private TruthCheck() {}

    /** One limit against the true metrics. */
    public record LimitCheck(HardLimit limit, double value, boolean met) {}

    /**
     * @param chosen   the evaluator's configuration (grid index)
     * @param finalConfig the configuration kept (the chosen one, or the repaired one), and its values
     * @param repaired whether the repair search ran
     */
    public record Outcome(int chosen, Metrics chosenTruth, int finalConfig, HwConfig hardware, Metrics truth, List<LimitCheck> limits, boolean repaired) {
        public boolean feasible() { return limits.stream().allMatch(LimitCheck::met); }
    }

    public static Outcome check(ConfigCosts costs, Architecture arch, int chosen, Objective objective, List<HardLimit> limits, long repairBudget,
                                long seed) {
        double[] onehot = costs.key().encoding().oneHot(arch);
        Metrics chosenTruth = costs.metrics(chosen, onehot);
        if (limits.stream().allMatch(l -> l.isMet(chosenTruth))) return new Outcome(chosen, chosenTruth, chosen, costs.config(chosen), chosenTruth, checks(chosenTruth, limits), false);
        Outcome searched = bestHardware(costs, arch, objective, limits, repairBudget, seed);
        return new Outcome(chosen, chosenTruth, searched.finalConfig(), searched.hardware(), searched.truth(), searched.limits(), true);
    }

    /** {@code arch} on a fixed configuration (the fixed-hw baseline): no repair, the limits as they fall. */
    public static Outcome onFixed(ConfigCosts costs, Architecture arch, int config, List<HardLimit> limits) {
        Metrics truth = costs.metrics(config, costs.key().encoding().oneHot(arch));
        return new Outcome(config, truth, config, costs.config(config), truth, checks(truth, limits), false);
    }

    /** The best configuration for {@code arch} by exact constrained search (the sequential baseline's hardware step); chosen = -1. */
    public static Outcome bestHardware(ConfigCosts costs, Architecture arch, Objective objective, List<HardLimit> limits, long budget, long seed) {
        double[] onehot = costs.key().encoding().oneHot(arch);
        OptimizeProblem problem = new OptimizeProblem((index, config) -> costs.metrics((int) index, onehot), costs.key().designSpace(), HwConfig.of(),
                objective, limits);
        OptimizeResult r = HwOptimizer.optimize(problem, budget, seed);
        int best = (int) r.best().index();
        Metrics truth = costs.metrics(best, onehot);
        return new Outcome(-1, null, best, costs.config(best), truth, checks(truth, limits), false);
    }

    private static List<LimitCheck> checks(Metrics m, List<HardLimit> limits) {
        List<LimitCheck> out = new ArrayList<>();
        for (HardLimit l : limits) out.add(new LimitCheck(l, m.get(l.metric()), l.isMet(m)));
        return out;
    }
}
