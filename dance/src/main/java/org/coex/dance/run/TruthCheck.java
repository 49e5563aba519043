package org.coex.dance.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
     * When no configuration serves the network within every limit, why: per limit, the best value any
     * configuration of the design space reaches for this network on that limit alone (ignoring the
     * others), and by how much (relative) that best is past the bound; 0 means some configuration
     * meets this limit alone, so the limits are missed only together.
     */
    public record Shortfall(HardLimit limit, double bestAlone, double overBy) {
        /** E.g. "energy_uj <= 15.0: at least 16.2 on any accelerator, 8.0 % over". */
        public String describe() {
            return overBy > 0 ? String.format(Locale.ROOT, "%s: at best %.5g on any accelerator of the space, %.1f %% past the limit", limit, bestAlone, 100 * overBy)
                    : String.format(Locale.ROOT, "%s: reachable alone (best %.5g), not together with the others", limit, bestAlone);
        }
    }

    /**
     * @param chosen   the evaluator's configuration (grid index)
     * @param finalConfig the configuration kept (the chosen one, or the repaired one), and its values
     * @param repaired whether the repair search ran
     */
    public record Outcome(int chosen, Metrics chosenTruth, int finalConfig, HwConfig hardware, Metrics truth, List<LimitCheck> limits, boolean repaired) {
        public boolean feasible() { return limits.stream().allMatch(LimitCheck::met); }
    }

    /**
     * Per limit, the best value that any configuration gives {@code arch} on that limit alone: the
     * network's own floor. Enumerates the design space, so for spaces of at most {@code maxConfigs}
     * configurations; empty for larger ones.
     */
    public static List<Shortfall> shortfall(ConfigCosts costs, Architecture arch, List<HardLimit> limits, long maxConfigs) {
        if (costs.configCount() > maxConfigs) return List.of();
        double[] w = costs.termWeights(arch);
        double[] best = new double[limits.size()];
        for (int k = 0; k < best.length; k++) best[k] = limits.get(k).metric() == Metrics.Name.FPS ? 0 : Double.POSITIVE_INFINITY;
        for (int c = 0; c < costs.configCount(); c++) {
            Metrics m;
            try {
                m = costs.row(c).metrics(w);
            } catch (IllegalArgumentException refused) {
                continue;   // a configuration the template refuses serves no network
            }
            for (int k = 0; k < best.length; k++) {
                double v = m.get(limits.get(k).metric());
                best[k] = limits.get(k).metric() == Metrics.Name.FPS ? Math.max(best[k], v) : Math.min(best[k], v);
            }
        }
        List<Shortfall> out = new ArrayList<>();
        for (int k = 0; k < best.length; k++) {
            HardLimit l = limits.get(k);
            double over = l.metric() == Metrics.Name.FPS ? Math.max(0, l.bound() - best[k]) / l.bound() : Math.max(0, best[k] - l.bound()) / l.bound();
            out.add(new Shortfall(l, best[k], over));
        }
        return out;
    }

    public static Outcome check(ConfigCosts costs, Architecture arch, int chosen, Objective objective, List<HardLimit> limits, long repairBudget,
                                long seed) {
        double[] w = costs.termWeights(arch);
        Metrics chosenTruth = costs.row(chosen).metrics(w);
        if (limits.stream().allMatch(l -> l.isMet(chosenTruth))) return new Outcome(chosen, chosenTruth, chosen, costs.config(chosen), chosenTruth, checks(chosenTruth, limits), false);
        Outcome searched = bestHardware(costs, arch, objective, limits, repairBudget, seed);
        return new Outcome(chosen, chosenTruth, searched.finalConfig(), searched.hardware(), searched.truth(), searched.limits(), true);
    }

    /** {@code arch} on a fixed configuration (the fixed-hw baseline): no repair, the limits as they fall. */
    public static Outcome onFixed(ConfigCosts costs, Architecture arch, int config, List<HardLimit> limits) {
        return asChosen(costs, arch, config, limits);
    }

    /** {@code arch} on the configuration chosen, with no repair: the limits as they fall. */
    public static Outcome asChosen(ConfigCosts costs, Architecture arch, int chosen, List<HardLimit> limits) {
        Metrics truth = costs.metrics(chosen, costs.key().encoding().oneHot(arch));
        return new Outcome(chosen, truth, chosen, costs.config(chosen), truth, checks(truth, limits), false);
    }

    /** The best configuration for {@code arch} by exact constrained search (the sequential baseline's hardware step); chosen = -1. */
    public static Outcome bestHardware(ConfigCosts costs, Architecture arch, Objective objective, List<HardLimit> limits, long budget, long seed) {
        double[] w = costs.termWeights(arch);
        OptimizeProblem problem = new OptimizeProblem((index, config) -> costs.row((int) index).metrics(w), costs.key().designSpace(), HwConfig.of(),
                objective, limits);
        OptimizeResult r = HwOptimizer.optimize(problem, budget, seed);
        int best = (int) r.best().index();
        Metrics truth = costs.row(best).metrics(w);
        return new Outcome(-1, null, best, costs.config(best), truth, checks(truth, limits), false);
    }

    private static List<LimitCheck> checks(Metrics m, List<HardLimit> limits) {
        List<LimitCheck> out = new ArrayList<>();
        for (HardLimit l : limits) out.add(new LimitCheck(l, m.get(l.metric()), l.isMet(m)));
        return out;
    }
}
