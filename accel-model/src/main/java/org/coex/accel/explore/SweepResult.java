package org.coex.accel.explore;

import java.util.List;

/** Every evaluated point of a sweep, in sampling order, and its Pareto front (ordered by the first metric). */
public record SweepResult(SweepSpec spec, List<SweepPoint> points, List<SweepPoint> front, double seconds) {
    public SweepResult {
        points = List.copyOf(points);
        front = List.copyOf(front);
    }

    public long feasibleCount() { return points.stream().filter(SweepPoint::isFeasible).count(); }
}
