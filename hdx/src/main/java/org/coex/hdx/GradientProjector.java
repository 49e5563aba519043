package org.coex.hdx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * HDX's gradient manipulation. Given the objective gradient g and, for each constraint to enforce,
 * its gradient h_k and required rate delta_k > 0, returns the minimum-norm change of g that meets them:
 * <pre>  g' = argmin |g' - g|^2  subject to  g' . h_k >= delta_k  for every k</pre>
 * so that a descent step alpha -= eta g' lowers every such metric by about eta delta_k. When g already
 * meets every condition it is returned as is. One constraint has the closed form
 * g' = g + max(0, (delta - g.h) / |h|^2) h. Several are solved exactly over their active set: the
 * optimum is g + sum_{k in S} lambda_k h_k for the active set S, where the lambdas solve
 * (H_S H_S^T) lambda = delta_S - H_S g (Commons Math SVD, so parallel gradients do not break it); every
 * subset S is tried and the feasible one (lambda >= 0, every condition met, tight wherever lambda > 0)
 * nearest to g is the answer (a convex problem: that is its KKT point). Constraints with a zero
 * gradient cannot be met by any g' and are reported, not enforced; constraints that contradict the
 * ones already enforced (opposing gradients) are reported too, the larger shortfalls per unit of
 * |h_k| being served first. Never returns NaN for finite input.
 */
public final class GradientProjector {
    /** 2^MAX_CONSTRAINTS active sets are tried. */
    public static final int MAX_CONSTRAINTS = 12;
    private static final double REL_TOL = 1e-9;

    private GradientProjector() {}

    /**
     * @param g     objective gradient
     * @param h     h[k] = gradient of constraint k's metric (same length as g)
     * @param delta delta[k] > 0, the required g'.h_k
     * @throws IllegalArgumentException for mismatched lengths, non-finite entries, delta <= 0 or more than {@link #MAX_CONSTRAINTS} constraints
     */
    public static Projection project(double[] g, double[][] h, double[] delta) {
        check(g, h, delta);
        int m = h.length;
        double[] lambda = new double[m];
        List<Integer> zero = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            if (dot(h[k], h[k]) == 0) zero.add(k);
            else order.add(k);
        }
        // largest shortfall per unit of |h_k| first: those are served when some must give way
        order.sort(Comparator.comparingDouble((Integer k) -> -(delta[k] - dot(g, h[k])) / Math.sqrt(dot(h[k], h[k]))).thenComparingInt(k -> k));
        List<Integer> accepted = new ArrayList<>();
        List<Integer> conflicting = new ArrayList<>();
        Solution best = new Solution(g, new double[0]);
        for (int k : order) {
            List<Integer> trial = new ArrayList<>(accepted);
            trial.add(k);
            Solution s = nearest(g, rows(h, trial), values(delta, trial));
            if (s == null) {
                if (finiteCorrection(g, h[k], delta[k])) conflicting.add(k);
                else zero.add(k);
                continue;
            }
            accepted = trial;
            best = s;
        }
        for (int i = 0; i < accepted.size(); i++) lambda[accepted.get(i)] = best.lambda[i];
        boolean untouched = true;
        for (double l : lambda) untouched &= l == 0;
        zero.sort(Integer::compare);
        conflicting.sort(Integer::compare);
        return new Projection(untouched ? g : best.gradient, lambda, zero, conflicting);
    }

    private record Solution(double[] gradient, double[] lambda) {}

    /** The feasible KKT point nearest to g over every active subset, or null when the conditions cannot all hold. */
    private static Solution nearest(double[] g, double[][] h, double[] delta) {
        int m = h.length;
        Solution best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << m; mask++) {
            int[] active = new int[Integer.bitCount(mask)];
            for (int k = 0, a = 0; k < m; k++) if ((mask & 1 << k) != 0) active[a++] = k;
            double[] lambdaActive = multipliers(g, h, delta, active);
            if (lambdaActive == null) continue;
            double[] lambda = new double[m];
            double[] x = g.clone();
            boolean ok = true;
            for (int a = 0; a < active.length; a++) {
                double l = lambdaActive[a];
                if (l < -REL_TOL * (1 + Math.abs(l))) ok = false;
                lambda[active[a]] = Math.max(0, l);
                for (int i = 0; i < x.length; i++) x[i] += lambda[active[a]] * h[active[a]][i];
            }
            if (!ok || !allFinite(x)) continue;
            double scale = Math.sqrt(dot(x, x)) + Math.sqrt(dot(g, g));
            for (int k = 0; k < m && ok; k++) {
                double slack = dot(x, h[k]) - delta[k];
                double tolerance = tolerance(scale, h[k], delta[k]);
                // feasible, and tight where it pushes: a rank-deficient active set solved only in the
                // least-squares sense can leave a small lambda on a constraint that is not tight
                ok = slack >= -tolerance && (lambda[k] == 0 || slack <= tolerance);
            }
            if (!ok) continue;
            double d = distanceSquared(x, g);
            if (d < bestDistance) {
                bestDistance = d;
                best = new Solution(x, lambda);
            }
        }
        return best;
    }

    /** lambda solving (H_S H_S^T) lambda = delta_S - H_S g in the least-squares sense (pseudo-inverse). */
    private static double[] multipliers(double[] g, double[][] h, double[] delta, int[] active) {
        int s = active.length;
        if (s == 0) return new double[0];
        RealMatrix gram = new Array2DRowRealMatrix(s, s);
        RealVector rhs = new ArrayRealVector(s);
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) gram.setEntry(a, b, dot(h[active[a]], h[active[b]]));
            rhs.setEntry(a, delta[active[a]] - dot(g, h[active[a]]));
        }
        double[] l = new SingularValueDecomposition(gram).getSolver().solve(rhs).toArray();
        return allFinite(l) ? l : null;
    }

    /** Whether the one-constraint correction (delta - g.h) / |h|^2 h is finite. */
    private static boolean finiteCorrection(double[] g, double[] h, double delta) {
        double l = (delta - dot(g, h)) / dot(h, h);
        if (!Double.isFinite(l)) return false;
        for (int i = 0; i < g.length; i++) if (!Double.isFinite(g[i] + l * h[i])) return false;
        return true;
    }

    /**
     * Rounding allowance for x.h = delta where x = g + sum lambda_k h_k, with scale = |x| + |g|: relative
     * to the terms summed, so it grows with |g| too (a small x can be the difference of two large vectors).
     */
    private static double tolerance(double scale, double[] h, double delta) {
        return REL_TOL * (Math.abs(delta) + scale * Math.sqrt(dot(h, h)));
    }

    private static double[][] rows(double[][] h, List<Integer> which) {
        return which.stream().map(k -> h[k]).toArray(double[][]::new);
    }

    private static double[] values(double[] v, List<Integer> which) {
        return which.stream().mapToDouble(k -> v[k]).toArray();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double distanceSquared(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }

    private static boolean allFinite(double[] v) {
        return Arrays.stream(v).allMatch(Double::isFinite);
    }

    private static void check(double[] g, double[][] h, double[] delta) {
        if (h.length != delta.length) throw new IllegalArgumentException(h.length + " constraint gradients but " + delta.length + " deltas");
        if (h.length > MAX_CONSTRAINTS) throw new IllegalArgumentException("at most " + MAX_CONSTRAINTS + " constraints, found " + h.length);
        if (!allFinite(g)) throw new IllegalArgumentException("the objective gradient has a NaN or infinite entry");
        for (int k = 0; k < h.length; k++) {
            if (h[k].length != g.length) throw new IllegalArgumentException("constraint " + k + "'s gradient has " + h[k].length + " entries, g has " + g.length);
            if (!allFinite(h[k])) throw new IllegalArgumentException("constraint " + k + "'s gradient has a NaN or infinite entry");
            if (!(delta[k] > 0) || Double.isInfinite(delta[k])) throw new IllegalArgumentException("delta " + k + " must be > 0, found " + delta[k]);
        }
    }
}
