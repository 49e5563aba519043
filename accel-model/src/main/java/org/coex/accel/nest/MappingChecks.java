package org.coex.accel.nest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Legality of a mapping: one {@link LevelMapping} per level; per dimension, the factors over all
 * levels multiply to the problem's bound; a level's spatial loops fit its fan-out (instances of the
 * level below per instance, X loops within meshX); each level's kept tiles fit its capacity.
 */
public final class MappingChecks {
    private MappingChecks() {}

    /**
     * One illegal aspect of a mapping: about one dimension's factors ({@code dim} set, {@code level}
     * -1), about one level's spatial fan-out or capacity ({@code level} set, {@code dim} null), or
     * about the mapping as a whole (neither).
     */
    public record Violation(int level, Dim dim, boolean spatial, String message) {}

    /** Every problem found, empty when the mapping is legal. */
    public static List<String> problems(ConvProblem problem, Architecture arch, Mapping mapping) {
        return violations(problem, arch, mapping).stream().map(Violation::message).toList();
    }

    /** Every violation found, in the order of {@link #problems}. */
    public static List<Violation> violations(ConvProblem problem, Architecture arch, Mapping mapping) {
        List<Violation> out = new ArrayList<>();
        int n = arch.levels().size();
        if (mapping.levels().size() != n) {
            out.add(new Violation(-1, null, false, "the mapping has " + mapping.levels().size() + " levels, the architecture " + n));
            return out;
        }
        Map<Dim, Long> product = new EnumMap<>(Dim.class);
        for (LevelMapping lm : mapping.levels()) {
            for (Loop l : lm.temporal()) product.merge(l.dim(), (long) l.bound(), (a, b) -> a * b);
            for (Loop l : lm.spatial()) product.merge(l.dim(), (long) l.bound(), (a, b) -> a * b);
        }
        for (Dim d : Dim.values()) {
            long p = product.getOrDefault(d, 1L);
            if (p != problem.bound(d)) {
                out.add(new Violation(-1, d, false, "factors of " + d.timeloopName() + " multiply to " + p + ", the problem has " + problem.bound(d)));
            }
        }
        for (int i = 0; i < n; i++) {
            StorageLevel lv = arch.levels().get(i);
            long fanout = arch.fanout(i);
            long spatial = 1;
            long x = 1;
            long y = 1;
            for (Loop l : mapping.levels().get(i).spatial()) {
                spatial *= l.bound();
                if (l.kind() == Loop.Kind.SPATIAL_X) x *= l.bound();
                else y *= l.bound();
            }
            if (spatial > fanout) out.add(new Violation(i, null, true, lv.name() + ": spatial loops use " + spatial + " children, it has " + fanout));
            long columns = arch.fanoutColumns(i);
            if (x > columns) out.add(new Violation(i, null, true, lv.name() + ": spatial X loops use " + x + " columns, it has " + columns));
            if (y > arch.fanoutRows(i)) {
                out.add(new Violation(i, null, true, lv.name() + ": spatial Y loops use " + y + " rows, it has " + fanout / columns));
            }
        }
        for (int i = 0; i < n; i++) {
            StorageLevel lv = arch.levels().get(i);
            if (lv.sizeWords() == 0 || lv.dummy() || i == n - 1) continue;
            long used = 0;
            for (DataSpace ds : mapping.levels().get(i).keep()) used += problem.tileSize(ds, mapping.extents(i));
            if (used > lv.sizeWords()) {
                out.add(new Violation(i, null, false, lv.name() + ": the kept tiles need " + used + " words, it holds " + lv.sizeWords()));
            }
        }
        return out;
    }

}
