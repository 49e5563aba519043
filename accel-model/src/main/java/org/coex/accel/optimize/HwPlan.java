package org.coex.accel.optimize;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.util.List;

/** Timefold planning solution: one {@link ParameterSlot} per parameter of the design space. */
@PlanningSolution
public class HwPlan {
    private List<ParameterSlot> slots;
    private HardSoftLongScore score;
    private OptimizeProblem problem;

    public HwPlan() {}

    HwPlan(OptimizeProblem problem) {
        this.problem = problem;
        this.slots = new java.util.ArrayList<>();
        for (int j = 0; j < problem.space().parameters().size(); j++) {
            slots.add(new ParameterSlot(j, problem.space().parameters().get(j).size()));
        }
    }

    @PlanningEntityCollectionProperty
    public List<ParameterSlot> getSlots() { return slots; }

    public void setSlots(List<ParameterSlot> slots) { this.slots = slots; }

    @PlanningScore
    public HardSoftLongScore getScore() { return score; }

    public void setScore(HardSoftLongScore score) { this.score = score; }

    public OptimizeProblem getProblem() { return problem; }

    public void setProblem(OptimizeProblem problem) { this.problem = problem; }

    /** Assigns every parameter its value index in {@code choice}, so the solver starts there. */
    void start(int[] choice) {
        if (choice.length != slots.size()) throw new IllegalArgumentException("start has " + choice.length + " values for " + slots.size() + " parameters");
        for (ParameterSlot s : slots) s.setChoice(choice[s.getParameter()]);
    }

    /** The value index of every parameter; unassigned slots count as their first value. */
    int[] choice() {
        int[] c = new int[slots.size()];
        for (ParameterSlot s : slots) c[s.getParameter()] = s.getChoice() == null ? 0 : s.getChoice();
        return c;
    }
}
