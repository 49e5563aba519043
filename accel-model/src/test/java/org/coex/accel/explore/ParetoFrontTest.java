package org.coex.accel.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.HwConfig;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    static final List<Metrics.Name> LE = List.of(Metrics.Name.LATENCY, Metrics.Name.ENERGY);

    static SweepPoint point(long i, double latency, double energy, double area) {
        return SweepPoint.feasible(i, HwConfig.of("i", (int) i), new Metrics(latency, 1000 / latency, energy, area, latency * energy), 1);
    }

    @Test
    void keepsOnlyNonDominatedPointsOrderedByTheFirstMetric() {
        List<SweepPoint> ps = List.of(point(0, 3, 1, 1), point(1, 1, 3, 1), point(2, 2, 2, 1), point(3, 2, 3, 1), point(4, 3, 1, 1));
        List<SweepPoint> front = ParetoFront.of(ps, LE);
        assertEquals(List.of(1L, 2L, 0L), front.stream().map(SweepPoint::index).toList());   // 3 dominated; 4 duplicates 0
    }

    @Test
    void aThirdMetricCanRescueAPoint() {
        List<SweepPoint> ps = List.of(point(0, 1, 1, 5), point(1, 2, 2, 1));
        assertEquals(1, ParetoFront.of(ps, LE).size());
        assertEquals(2, ParetoFront.of(ps, List.of(Metrics.Name.LATENCY, Metrics.Name.ENERGY, Metrics.Name.AREA)).size());
    }

    @Property(seed = "11")
    void noFrontPointIsDominatedAndEveryOtherPointIs(@ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 1, max = 9) Double> a,
                                                     @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 1, max = 9) Double> b) {
        List<SweepPoint> ps = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) ps.add(point(i, Math.rint(a.get(i)), Math.rint(b.get(i)), 1));
        List<SweepPoint> front = ParetoFront.of(ps, LE);
        for (SweepPoint f : front) {
            for (SweepPoint p : ps) assertFalse(ParetoFront.dominates(p.metrics(), f.metrics(), LE));
        }
        for (SweepPoint p : ps) {
            boolean onFront = front.stream().anyMatch(f -> f.index() == p.index());
            boolean covered = front.stream().anyMatch(f -> ParetoFront.dominates(f.metrics(), p.metrics(), LE)
                    || f.metrics().latencyMs() == p.metrics().latencyMs() && f.metrics().energyUj() == p.metrics().energyUj());
            assertTrue(onFront || covered);
        }
    }
}
