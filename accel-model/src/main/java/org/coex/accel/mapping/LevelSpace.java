package org.coex.accel.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;

/**
 * What a mapping may do at one storage level: the dimensions its temporal loops may iterate, the
 * dimensions its spatial loops may spread over X (at most {@code maxX}) and Y (at most {@code maxY})
 * children, and the tensors it keeps. Optionally, as Timeloop's mapspace constraints say it: bounds
 * on a dimension's temporal and spatial factor at this level (equal bounds fix it), and the loop
 * order's innermost and outermost dimensions ({@code innermost} first, then the others, then
 * {@code outermost}, each listed innermost first).
 */
public record LevelSpace(Set<Dim> temporal, Set<Dim> spatialX, int maxX, Set<Dim> spatialY, int maxY, Set<DataSpace> keep,
                         Map<Dim, Integer> temporalMin, Map<Dim, Integer> temporalMax,
                         Map<Dim, Integer> spatialMin, Map<Dim, Integer> spatialMax,
                         List<Dim> innermost, List<Dim> outermost) {
    public LevelSpace {
        temporal = Set.copyOf(temporal);
        spatialX = Set.copyOf(spatialX);
        spatialY = Set.copyOf(spatialY);
        keep = Set.copyOf(keep);
        temporalMin = Map.copyOf(temporalMin);
        temporalMax = Map.copyOf(temporalMax);
        spatialMin = Map.copyOf(spatialMin);
        spatialMax = Map.copyOf(spatialMax);
        innermost = List.copyOf(innermost);
        outermost = List.copyOf(outermost);
        if (maxX < 1 || maxY < 1) throw new IllegalArgumentException("maxX and maxY must be >= 1");
    }

    /** A level without factor bounds or loop-order constraints. */
    public LevelSpace(Set<Dim> temporal, Set<Dim> spatialX, int maxX, Set<Dim> spatialY, int maxY, Set<DataSpace> keep) {
        this(temporal, spatialX, maxX, spatialY, maxY, keep, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    public boolean isSpatial() { return !spatialX.isEmpty() || !spatialY.isEmpty(); }

    /** Whether f is an allowed temporal (or spatial) factor of d here. */
    boolean allows(Dim d, int f, boolean spatial) {
        Map<Dim, Integer> min = spatial ? spatialMin : temporalMin;
        Map<Dim, Integer> max = spatial ? spatialMax : temporalMax;
        return f >= min.getOrDefault(d, 1) && f <= max.getOrDefault(d, Integer.MAX_VALUE);
    }

    /** A candidate loop order (innermost first) with this level's innermost and outermost dimensions put in place. */
    List<Dim> order(List<Dim> candidate) {
        if (innermost.isEmpty() && outermost.isEmpty()) return candidate;
        List<Dim> out = new ArrayList<>(innermost);
        for (Dim d : candidate) if (!innermost.contains(d) && !outermost.contains(d)) out.add(d);
        for (Dim d : outermost) if (!out.contains(d)) out.add(d);
        return out;
    }
}
