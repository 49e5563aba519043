package org.coex.accel.template.systolic;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * SCALE-Sim v2's report arithmetic, reproduced to the last bit: per-fold ratios of integers
 * (Python's correctly rounded {@code int / int}), summed with Python's {@code sum()} in fold order
 * (column fold outer, row fold inner), divided by the number of folds, times 100. The last digits
 * depend on the Python that ran SCALE-Sim, because CPython 3.12 made {@code sum()} of floats
 * compensated (Neumaier); see {@link PythonSum}.
 */
final class ScaleSimArithmetic {
    private static final long EXACT = 1L << 53;

    private ScaleSimArithmetic() {}

    /** Python's {@code a / b} for non-negative integers: the double nearest to the exact quotient. */
    static double trueDivide(long a, long b) {
        if (a < EXACT && b < EXACT) return (double) a / (double) b;
        return new BigDecimal(a).divide(new BigDecimal(b), new MathContext(60)).doubleValue();
    }

    /** SCALE-Sim's "Mapping Efficiency %" of one problem (one repeat). */
    static double mappingEfficiencyPercent(FoldPlan f, PythonSum sum) {
        return foldMean(f, false, sum) * 100;
    }

    /** SCALE-Sim's "Compute Util %" of one problem (one repeat). */
    static double computeUtilizationPercent(FoldPlan f, PythonSum sum) {
        return foldMean(f, true, sum) * 100;
    }

    /** SCALE-Sim's "Overall Util %": (MACs * 100) / (reported cycles * R * C). */
    static double overallUtilizationPercent(long macs, long reportedCycles, int rows, int cols) {
        return trueDivide(macs * 100, reportedCycles * rows * cols);
    }

    private static double foldMean(FoldPlan f, boolean compute, PythonSum pythonSum) {
        long rf = f.rowFolds();
        long cf = f.colFolds();
        long pes = (long) f.rows() * f.cols();
        long lastRows = f.sr() - (rf - 1) * f.rows();
        long lastCols = f.sc() - (cf - 1) * f.cols();
        long denominator = compute ? pes * f.utilizationCyclesPerFold() : pes;
        double sum = 0;
        double compensation = 0;
        for (long c = 0; c < cf; c++) {
            long usedCols = c == cf - 1 ? lastCols : f.cols();
            for (long r = 0; r < rf; r++) {
                long usedRows = r == rf - 1 ? lastRows : f.rows();
                long used = usedRows * usedCols;
                double x = trueDivide(compute ? used * f.t() : used, denominator);
                double t = sum + x;
                if (pythonSum == PythonSum.NEUMAIER) {
                    compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
                }
                sum = t;
            }
        }
        if (compensation != 0 && Double.isFinite(compensation)) sum += compensation;
        return sum / (double) (rf * cf);
    }
}
