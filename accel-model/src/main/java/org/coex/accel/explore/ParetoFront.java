package org.coex.accel.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.coex.accel.cost.Metrics;

/**
 * The non-dominated points of a sweep for two or three metrics, all minimized (latency, energy,
 * area, EDP). A point dominates another when it is no worse in every metric and better in one.
 * Points are scanned in order of the first metric (ties: the others, then index), so a point can
 * only be dominated by one scanned earlier; cost O(n * front).
 */
public final class ParetoFront {
    private ParetoFront() {}

    public static List<SweepPoint> of(List<SweepPoint> points, List<Metrics.Name> metrics) {
        if (metrics.size() < 2 || metrics.size() > 3) throw new IllegalArgumentException("a front needs 2 or 3 metrics, found " + metrics);
        if (metrics.contains(Metrics.Name.FPS)) throw new IllegalArgumentException("use latency instead of fps for fronts");
        Comparator<SweepPoint> order = Comparator.comparingDouble(p -> p.metrics().get(metrics.get(0)));
        for (int i = 1; i < metrics.size(); i++) {
            Metrics.Name m = metrics.get(i);
            order = order.thenComparingDouble(p -> p.metrics().get(m));
        }
        order = order.thenComparingLong(SweepPoint::index);
        List<SweepPoint> sorted = points.stream().filter(SweepPoint::isFeasible).sorted(order).toList();
        List<SweepPoint> front = new ArrayList<>();
        for (SweepPoint p : sorted) {
            boolean dominated = false;
            for (SweepPoint f : front) {
                if (dominates(f.metrics(), p.metrics(), metrics) || sameValues(f.metrics(), p.metrics(), metrics)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) front.add(p);
        }
        return List.copyOf(front);
    }

    /** True when a is no worse than b in every metric and strictly better in at least one. */
    public static boolean dominates(Metrics a, Metrics b, List<Metrics.Name> metrics) {
        boolean better = false;
        for (Metrics.Name m : metrics) {
            if (a.get(m) > b.get(m)) return false;
            if (a.get(m) < b.get(m)) better = true;
        }
        return better;
    }

    private static boolean sameValues(Metrics a, Metrics b, List<Metrics.Name> metrics) {
        for (Metrics.Name m : metrics) if (a.get(m) != b.get(m)) return false;
        return true;
    }
}
