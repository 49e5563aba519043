package org.coex.accel.nest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A mapping: one {@link LevelMapping} per storage level, innermost first, aligned with {@link Architecture#levels()}. */
public record Mapping(List<LevelMapping> levels) {
    public Mapping {
        levels = List.copyOf(levels);
    }

    /** Per-dimension extent of level i's tile: the product of the loops (temporal and spatial) of levels 0..i. */
    public Map<Dim, Integer> extents(int level) {
        Map<Dim, Integer> ext = new EnumMap<>(Dim.class);
        for (Dim d : Dim.values()) ext.put(d, 1);
        for (int i = 0; i <= level; i++) {
            for (Loop l : levels.get(i).temporal()) ext.merge(l.dim(), l.bound(), (a, b) -> a * b);
            for (Loop l : levels.get(i).spatial()) ext.merge(l.dim(), l.bound(), (a, b) -> a * b);
        }
        return ext;
    }

    /**
     * The mapping in Timeloop's loop-nest notation, outermost level first, e.g.
     * {@code DRAM [ Weights Inputs Outputs ]} then {@code | for Q in [0:4)}.
     */
    public String toTimeloopNotation(Architecture arch) {
        StringBuilder sb = new StringBuilder();
        String indent = "";
        for (int i = levels.size() - 1; i >= 0; i--) {
            LevelMapping lm = levels.get(i);
            sb.append(arch.levels().get(i).name()).append(" [ ")
                    .append(lm.keep().stream().map(DataSpace::timeloopName).collect(Collectors.joining(" "))).append(" ]\n");
            List<Loop> t = lm.temporal();
            for (int j = t.size() - 1; j >= 0; j--) {
                if (t.get(j).bound() == 1) continue;
                sb.append('|').append(indent).append(" for ").append(t.get(j).dim().timeloopName()).append(" in [0:")
                        .append(t.get(j).bound()).append(")\n");
                indent += "  ";
            }
            for (Loop l : lm.spatial()) {
                if (l.bound() == 1) continue;
                sb.append('|').append(indent).append(" for ").append(l.dim().timeloopName()).append(" in [0:").append(l.bound())
                        .append(") (Spatial-").append(l.kind() == Loop.Kind.SPATIAL_X ? "X" : "Y").append(")\n");
                indent += "  ";
            }
        }
        return sb.append('|').append(indent).append(" << Compute >>\n").toString();
    }
}
