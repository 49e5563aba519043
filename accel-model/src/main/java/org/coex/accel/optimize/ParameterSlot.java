package org.coex.accel.optimize;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;

/** Timefold planning entity: which value (by index) one hardware parameter takes. */
@PlanningEntity
public class ParameterSlot {
    private Integer parameter;
    private List<Integer> choices;
    private Integer choice;

    public ParameterSlot() {}

    ParameterSlot(int parameter, int size) {
        this.parameter = parameter;
        this.choices = java.util.stream.IntStream.range(0, size).boxed().toList();
    }

    @PlanningId
    public Integer getParameter() { return parameter; }

    public void setParameter(Integer parameter) { this.parameter = parameter; }

    @ValueRangeProvider(id = "choices")
    public List<Integer> getChoices() { return choices; }

    public void setChoices(List<Integer> choices) { this.choices = choices; }

    @PlanningVariable(valueRangeProviderRefs = "choices")
    public Integer getChoice() { return choice; }

    public void setChoice(Integer choice) { this.choice = choice; }
}
