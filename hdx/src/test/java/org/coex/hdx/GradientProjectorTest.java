package org.coex.hdx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class GradientProjectorTest {
    /** A random problem: dimension 1-8, 1-4 constraints, entries of mixed scale, sometimes g already fine. */
    record Case(double[] g, double[][] h, double[] delta, long seed) {}

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            int n = 1 + r.nextInt(8);
            int m = 1 + r.nextInt(4);
            double scale = Math.pow(10, r.nextInt(5) - 2);
            double[] g = vector(r, n, scale);
            double[][] h = new double[m][];
            for (int k = 0; k < m; k++) h[k] = vector(r, n, Math.pow(10, r.nextInt(5) - 2));
            double[] delta = new double[m];
            for (int k = 0; k < m; k++) delta[k] = Math.pow(10, r.nextInt(5) - 3) * (0.1 + r.nextDouble());
            return new Case(g, h, delta, seed);
        });
    }

    static double[] vector(Random r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = scale * r.nextGaussian();
        return v;
    }

    static double dot(double[] a, double[] b) { return GradientProjector.dot(a, b); }

    static double tol(double[] x, double[] h, double delta) { return 1e-7 * (delta + Math.sqrt(dot(x, x) * dot(h, h))); }

    @Property(tries = 500)
    void everyEnforcedConstraintGetsItsRate(@ForAll("cases") Case c) {
        Projection p = GradientProjector.project(c.g(), c.h(), c.delta());
        for (int k = 0; k < c.h().length; k++) {
            if (p.unenforceable().contains(k) || p.conflicting().contains(k)) continue;
            assertTrue(dot(p.gradient(), c.h()[k]) >= c.delta()[k] - tol(p.gradient(), c.h()[k], c.delta()[k]),
                    "constraint " + k + ": " + dot(p.gradient(), c.h()[k]) + " < " + c.delta()[k]);
        }
        for (double v : p.gradient()) assertTrue(Double.isFinite(v));
        Statistics.label("changed").collect(!p.untouched());
        Statistics.label("complete").collect(p.complete());
        // the property must not hold vacuously: most random cases need a projection, and most are fully enforceable
        Statistics.label("changed").coverage(cov -> cov.check(true).percentage(x -> x > 50));
        Statistics.label("complete").coverage(cov -> cov.check(true).percentage(x -> x > 50));
    }

    /** KKT conditions of the convex problem: together they prove g' is its (unique) minimum-norm solution. */
    @Property(tries = 500)
    void theResultIsTheKktPointOfTheMinimumNormProblem(@ForAll("cases") Case c) {
        Projection p = GradientProjector.project(c.g(), c.h(), c.delta());
        double[] rebuilt = c.g().clone();
        for (int k = 0; k < c.h().length; k++) {
            double l = p.multipliers()[k];
            assertTrue(l >= 0, "lambda " + k + " = " + l);
            for (int i = 0; i < rebuilt.length; i++) rebuilt[i] += l * c.h()[k][i];
            // complementary slackness: a constraint that pushes is exactly tight
            if (l > 0) assertEquals(c.delta()[k], dot(p.gradient(), c.h()[k]), 1e-6 * (c.delta()[k] + Math.sqrt(dot(p.gradient(), p.gradient()) * dot(c.h()[k], c.h()[k]))));
        }
        for (int i = 0; i < rebuilt.length; i++) assertEquals(rebuilt[i], p.gradient()[i], 1e-9 * (1 + Math.abs(rebuilt[i])));
    }

    /** No other point meeting the enforced conditions is nearer to g (random candidates around g'). */
    @Property(tries = 200)
    void noSmallerCorrectionMeetsTheConditions(@ForAll("cases") Case c) {
        Projection p = GradientProjector.project(c.g(), c.h(), c.delta());
        double best = Math.sqrt(distance2(p.gradient(), c.g()));
        Random r = new Random(c.seed() ^ 0x5DEECE66DL);
        for (int t = 0; t < 200; t++) {
            double[] y = p.gradient().clone();
            double s = (best + 1e-3) * Math.pow(10, -r.nextInt(4));
            for (int i = 0; i < y.length; i++) y[i] += s * r.nextGaussian();
            boolean feasible = true;
            for (int k = 0; k < c.h().length && feasible; k++) {
                if (!p.unenforceable().contains(k) && !p.conflicting().contains(k)) feasible = dot(y, c.h()[k]) >= c.delta()[k];
            }
            if (feasible) assertTrue(Math.sqrt(distance2(y, c.g())) >= best * (1 - 1e-9) - 1e-12, "a nearer feasible point exists");
        }
    }

    static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }

    @Property(tries = 300)
    void oneConstraintHasTheClosedForm(@ForAll("cases") Case c) {
        double[] h = c.h()[0];
        double d = c.delta()[0];
        Projection p = GradientProjector.project(c.g(), new double[][] {h}, new double[] {d});
        double l = Math.max(0, (d - dot(c.g(), h)) / dot(h, h));
        for (int i = 0; i < h.length; i++) assertEquals(c.g()[i] + l * h[i], p.gradient()[i], 1e-9 * (1 + Math.abs(p.gradient()[i])));
    }

    @Test
    void aGradientThatAlreadyMeetsEveryConditionIsReturnedAsIs() {
        double[] g = {1, 2};
        Projection p = GradientProjector.project(g, new double[][] {{1, 0}, {0, 1}}, new double[] {0.5, 1});
        assertSame(g, p.gradient());
        assertTrue(p.untouched() && p.complete());
    }

    @Test
    void aZeroConstraintGradientIsReportedNotDividedBy() {
        Projection p = GradientProjector.project(new double[] {1, -1}, new double[][] {{0, 0}, {0, 1}}, new double[] {1, 2});
        assertEquals(List.of(0), p.unenforceable());
        assertArrayEquals(new double[] {1, 2}, p.gradient(), 1e-12);
        assertEquals(0, p.multipliers()[0]);
    }

    @Test
    void parallelGradientsAreBothMetByTheStricterOne() {
        // h2 = 2 h1: g'.h1 >= 1 and g'.h2 >= 4 (i.e. g'.h1 >= 2): the second decides
        Projection p = GradientProjector.project(new double[] {0, 0}, new double[][] {{1, 0}, {2, 0}}, new double[] {1, 4});
        assertArrayEquals(new double[] {2, 0}, p.gradient(), 1e-12);
        assertTrue(p.complete());
    }

    @Test
    void aConstraintThatAnotherAlreadyMeetsGetsNoMultiplier() {
        // one dimension: the first condition (g' <= -0.4432) also meets the second (g' <= -0.4365); solving both as
        // active in the least-squares sense used to leave the second a multiplier of 3e-6 although it is not tight
        double[] g = {0.0043534380993327975};
        double[][] h = {{-13.824888958832897}, {-0.0012548639634115597}};
        Projection p = GradientProjector.project(g, h, new double[] {6.126974115214986, 5.477870760041607E-4});
        assertEquals(0, p.multipliers()[1]);
        assertEquals(6.126974115214986 / -13.824888958832897, p.gradient()[0], 1e-15);
    }

    @Test
    void aSmallResultOfLargeTermsIsStillAccepted() {
        // g' = g + lambda h = -132.29 + 2.7087 * 48.84 = 5.8e-6: the rounding of that sum is far larger than 1e-9 of |g'| |h|
        double[] g = {-132.28876443643236};
        double[] h = {48.838101171235806};
        double delta = 2.833826226268488E-4;
        Projection p = GradientProjector.project(g, new double[][] {h}, new double[] {delta});
        assertTrue(p.complete());
        assertEquals(delta / h[0], p.gradient()[0], 1e-12);
    }

    @Test
    void opposingGradientsAreReportedAndTheLargerShortfallIsServed() {
        // g'.h >= 1 and g'.(-h) >= 3 cannot both hold; the second falls shorter, so it is enforced
        Projection p = GradientProjector.project(new double[] {0, 5}, new double[][] {{1, 0}, {-1, 0}}, new double[] {1, 3});
        assertEquals(List.of(0), p.conflicting());
        assertArrayEquals(new double[] {-3, 5}, p.gradient(), 1e-12);
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> GradientProjector.project(new double[] {Double.NaN}, new double[][] {{1}}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> GradientProjector.project(new double[] {1}, new double[][] {{1, 2}}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> GradientProjector.project(new double[] {1}, new double[][] {{1}}, new double[] {0}));
    }
}
