package org.coex.accel.explore;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished sweep: the points kept in memory (every point on one machine; on a cluster, those the
 * plot shows: {@link PlotSample}), the Pareto front (ordered by the first metric), how many points
 * were evaluated and feasible, and, from a cluster, the part files that hold every point's
 * {@code points.csv} row (in sampling order; empty on one machine).
 */
public record SweepResult(SweepSpec spec, List<SweepPoint> points, List<SweepPoint> front, long evaluated, long feasibleCount,
                          double seconds, List<Path> pointParts) {
    public SweepResult {
        points = List.copyOf(points);
        front = List.copyOf(front);
        pointParts = List.copyOf(pointParts);
    }

    /** A sweep run on one machine, every point in memory. */
    public static SweepResult of(SweepSpec spec, List<SweepPoint> points, List<SweepPoint> front, double seconds) {
        return new SweepResult(spec, points, front, points.size(), points.stream().filter(SweepPoint::isFeasible).count(), seconds, List.of());
    }
}
