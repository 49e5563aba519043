package org.coex.accel.optimize;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.EasyScoreCalculator;

/** Timefold score: the memoized candidate's hard (limit violation) and soft (objective) score. */
public class HwPlanScorer implements EasyScoreCalculator<HwPlan, HardSoftLongScore> {
    @Override public HardSoftLongScore calculateScore(HwPlan plan) {
        return plan.getProblem().candidate(plan.choice()).score();
    }
}
