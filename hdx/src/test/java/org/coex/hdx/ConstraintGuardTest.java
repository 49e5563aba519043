package org.coex.hdx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ConstraintGuardTest {
    static final List<HardConstraint> LATENCY_AND_AREA = List.of(new HardConstraint("latency_ms", 2.0, 0.05), new HardConstraint("area_mm2", 1.5, 0));

    @Property(tries = 200)
    void nothingViolatedLeavesTheGradientAlone(@ForAll @DoubleRange(min = 0, max = 1.9) double latency, @ForAll @DoubleRange(min = 0, max = 1.5) double area) {
        ConstraintGuard guard = new ConstraintGuard(LATENCY_AND_AREA, 0.01, 1.5);
        double[] g = {0.3, -0.2, 0.1};
        ConstraintGuard.Step s = guard.apply(g, new double[] {latency, area}, new double[][] {{1, 2, 3}, {-1, 0, 1}});
        assertSame(g, s.gradient());
        assertFalse(s.anyViolated());
    }

    /** Linear metrics M_k(alpha) = M_k + h_k . (alpha' - alpha): one step of size eta lowers each violated one by >= eta delta bound. */
    @Property(tries = 300)
    void aStepLowersEveryViolatedMetricByTheRequiredAmount(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(6);
        ConstraintGuard guard = new ConstraintGuard(LATENCY_AND_AREA, 0.01 + r.nextDouble(), 1.2);
        double[] g = new double[n];
        double[][] h = new double[2][n];
        for (int i = 0; i < n; i++) {
            g[i] = r.nextGaussian();
            h[0][i] = r.nextGaussian();
            h[1][i] = r.nextGaussian();
        }
        double[] values = {1 + 2 * r.nextDouble(), 1 + r.nextDouble()};
        ConstraintGuard.Step s = guard.apply(g, values, h);
        double eta = 1e-3;
        for (int k = 0; k < 2; k++) {
            if (!s.violated()[k] || s.projection().conflicting().contains(k)) continue;
            double after = values[k] - eta * GradientProjector.dot(h[k], s.gradient());
            double bound = LATENCY_AND_AREA.get(k).bound();
            assertTrue(after <= values[k] - eta * s.delta()[k] * bound * (1 - 1e-9), "constraint " + k);
        }
    }

    /** A limit the search cannot reach keeps delta growing: after 3,000 violated steps the step is still finite and points down the metric. */
    @Test
    void aConstraintViolatedForThousandsOfStepsStillGivesAFiniteDescentDirection() {
        ConstraintGuard guard = new ConstraintGuard(List.of(new HardConstraint("latency_ms", 1, 0)), 0.01, 1.5);
        double[][] h = {{0.3, -0.1, 0}};
        ConstraintGuard.Step s = null;
        for (int t = 0; t < 3000; t++) s = guard.apply(new double[] {1, 1, 1}, new double[] {2}, h);
        assertTrue(Double.isFinite(guard.deltas()[0]), "delta " + guard.deltas()[0]);
        for (double x : s.gradient()) assertTrue(Double.isFinite(x), java.util.Arrays.toString(s.gradient()));
        assertTrue(GradientProjector.dot(h[0], s.gradient()) >= s.delta()[0] * (1 - 1e-9), "the step must still lower the metric by delta");
        guard.restore(guard.deltas());
    }

    @Test
    void deltaGrowsWhileViolatedAndRelaxesOnceMet() {
        ConstraintGuard guard = new ConstraintGuard(List.of(new HardConstraint("latency_ms", 1, 0)), 0.1, 2);
        double[][] h = {{1, 0}};
        double[] got = new double[4];
        for (int t = 0; t < 4; t++) got[t] = guard.apply(new double[] {0, 0}, new double[] {1.5}, h).delta()[0];
        assertArrayEquals(new double[] {0.1, 0.2, 0.4, 0.8}, got, 1e-12);
        assertEquals(1.6, guard.deltas()[0], 1e-12);
        guard.apply(new double[] {0, 0}, new double[] {0.5}, h);
        assertEquals(0.8, guard.deltas()[0], 1e-12);
        for (int t = 0; t < 10; t++) guard.apply(new double[] {0, 0}, new double[] {0.5}, h);
        assertEquals(0.1, guard.deltas()[0], 1e-12);
    }

    @Test
    void theMarginMakesTheSearchAimInsideTheLimit() {
        HardConstraint c = new HardConstraint("latency_ms", 2.0, 0.05);
        assertTrue(c.isViolatedBy(1.95) && c.isMetBy(1.95));
        assertFalse(c.isViolatedBy(1.9));
        assertTrue(c.isViolatedBy(Double.NaN));
    }

    @Test
    void deltasRoundTripThroughACheckpoint() {
        ConstraintGuard a = new ConstraintGuard(LATENCY_AND_AREA, 0.05, 1.5);
        for (int t = 0; t < 3; t++) a.apply(new double[] {1, 1}, new double[] {3, 1}, new double[][] {{1, 0}, {0, 1}});
        ConstraintGuard b = new ConstraintGuard(LATENCY_AND_AREA, 0.05, 1.5);
        b.restore(a.deltas());
        double[] g = {0.2, -0.4};
        double[][] h = {{1, 0.5}, {0.2, 1}};
        assertArrayEquals(a.apply(g, new double[] {3, 2}, h).gradient(), b.apply(g, new double[] {3, 2}, h).gradient(), 0);
        assertThrows(IllegalArgumentException.class, () -> b.restore(new double[] {0.01, 0.05}));
    }

    @Test
    void constraintsAndSchedulesRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new HardConstraint("area_mm2", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new HardConstraint("area_mm2", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DeltaSchedule(0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DeltaSchedule(0, 2));
    }
}
