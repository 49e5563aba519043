package org.coex.accel.optimize;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.exhaustivesearch.ExhaustiveSearchPhaseConfig;
import ai.timefold.solver.core.config.exhaustivesearch.ExhaustiveSearchType;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.util.List;

/**
 * Front door of constrained hardware optimization with Timefold Solver. One planning entity per
 * design-space parameter chooses a value; the score is HardSoftLongScore (hard: minus the summed
 * relative violation of the limits in millionths; soft: minus the objective in millionths).
 * <ul>
 *   <li>When the space has at most {@code budget} points, Timefold's brute-force exhaustive search
 *       visits all of them: the result is the proven optimum.</li>
 *   <li>Otherwise {@code budget / 4} configurations drawn uniformly (seeded) are costed first and a
 *       late-acceptance local search starts from the best of them, until {@code budget} distinct
 *       configurations have been costed (further new ones are not costed). Hardware cost landscapes
 *       are multimodal (a small output-stationary array and a large weight-stationary one can both be
 *       local optima), and a search started from one construction stays in the first basin it finds.</li>
 * </ul>
 * Single-threaded, REPRODUCIBLE mode with the given seed: the same inputs give the same result.
 */
public final class HwOptimizer {
    private HwOptimizer() {}

    public static OptimizeResult optimize(OptimizeProblem problem, long budget, long seed) {
        return optimize(problem, budget, seed, null);
    }

    /** {@code n} grid indices drawn uniformly (seeded): the probes a search without a start begins from. */
    public static long[] probes(long spaceSize, long n, long seed) {
        return new java.util.SplittableRandom(seed ^ 0x5DEECE66DL).longs(n, 0, spaceSize).toArray();
    }

    /** The grid index of the best of these configurations for the problem (refused ones lose; ties to the lower index). */
    public static long bestOf(OptimizeProblem problem, long[] indices) {
        return Candidate.best(java.util.Arrays.stream(indices).mapToObj(problem::candidate).toList()).index();
    }

    /**
     * As {@link #optimize(OptimizeProblem, long, long)}, the local search starting from {@code start}
     * (one value index per parameter; null: from the best of {@code budget / 4} random probes).
     */
    public static OptimizeResult optimize(OptimizeProblem problem, long budget, long seed, int[] start) {
        if (budget < 1) throw new IllegalArgumentException("budget must be >= 1, found " + budget);
        boolean exhaustive = problem.space().size() <= budget;
        problem.limitEvaluations(exhaustive ? Long.MAX_VALUE : budget);
        List<PhaseConfig> phases = exhaustive
                ? List.of(new ExhaustiveSearchPhaseConfig().withExhaustiveSearchType(ExhaustiveSearchType.BRUTE_FORCE))
                : List.of(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig().withLocalSearchType(LocalSearchType.LATE_ACCEPTANCE));
        TerminationConfig termination = new TerminationConfig();
        if (!exhaustive) termination.setScoreCalculationCountLimit(budget * 50);
        SolverConfig config = new SolverConfig()
                .withSolutionClass(HwPlan.class)
                .withEntityClasses(ParameterSlot.class)
                .withEasyScoreCalculatorClass(HwPlanScorer.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(seed)
                .withTerminationConfig(termination)
                .withPhaseList(phases);
        Solver<HwPlan> solver = SolverFactory.<HwPlan>create(config).buildSolver();
        problem.onBudgetExhausted(solver::terminateEarly);
        HwPlan plan = new HwPlan(problem);
        if (!exhaustive) {
            plan.start(start != null ? start : problem.space().choices(bestOf(problem, probes(problem.space().size(), Math.max(1, budget / 4), seed))));
        }
        HwPlan best = solver.solve(plan);
        return new OptimizeResult(problem.candidate(best.choice()), exhaustive, problem.evaluations(),
                exhaustive ? "exhaustive" : "local search");
    }
}
