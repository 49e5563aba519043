package org.coex.accel.nest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of one mapping: cycles, computes, per-level accesses and energy.
 *
 * @param computeCycles product of all temporal loop bounds
 * @param cycles        the maximum of compute cycles and every level's bandwidth-limited cycles
 * @param levels        innermost first
 */
public record NestResult(long computes, long computeCycles, long cycles, long utilizedMacs, double macEnergyPj,
                         List<LevelResult> levels) {
    public NestResult {
        levels = List.copyOf(levels);
    }

    public double energyPj() { return macEnergyPj + levels.stream().mapToDouble(LevelResult::energyPj).sum(); }

    /** Energy by component (pJ): the MACs first, then each non-empty level, innermost first. */
    public Map<String, Double> energyByComponentPj(String macName) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(macName, macEnergyPj);
        for (LevelResult l : levels) if (!l.accesses().isEmpty()) m.put(l.name(), l.energyPj());
        return m;
    }

    public LevelResult level(String name) {
        return levels.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no level " + name));
    }
}
