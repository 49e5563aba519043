package org.coex.accel.template.systolic;

/**
 * How one operand-matrix problem (S<sub>r</sub> x S<sub>c</sub> spatial, T temporal) is cut into
 * folds on an R x C array, repeated {@code repeats} times (once per group when groups run one after
 * another). Folds run back to back: column fold outer, row fold inner, as in SCALE-Sim.
 *
 * <p>Per fold, used rows are min(R, S<sub>r</sub> - r R) and used columns min(C, S<sub>c</sub> - c C).
 * Sums over all folds: used rows = cf S<sub>r</sub>, used columns = rf S<sub>c</sub>, used PEs
 * = S<sub>r</sub> S<sub>c</sub> (each times repeats). Cycles per fold: R + C + T - 2 (OS) or
 * 2R + C + T - 2 (WS, IS); SCALE-Sim reports the index of the last cycle, one less than the count.
 * With {@code groupsPerFold > 1} several repeats share one fold (see {@link #packedDiagonally()}).
 */
record FoldPlan(Dataflow dataflow, int rows, int cols, long sr, long sc, long t, long repeats, long groupsPerFold) {

    static FoldPlan of(Dataflow df, int rows, int cols, long pixels, long window, long filters, long repeats) {
        return switch (df) {
            case OS -> new FoldPlan(df, rows, cols, pixels, filters, window, repeats, 1);
            case WS -> new FoldPlan(df, rows, cols, window, filters, pixels, repeats, 1);
            case IS -> new FoldPlan(df, rows, cols, window, pixels, filters, repeats, 1);
        };
    }

    /**
     * Weight-stationary folds of a grouped layer with several groups side by side on the diagonal
     * of the array: a group's Wn rows and K columns hold its weights, other groups' PEs in those
     * rows and columns hold zero. Needs Wn &lt;= R and K &lt;= C; packs min(R / Wn, C / K) groups.
     */
    FoldPlan packedDiagonally() {
        if (dataflow != Dataflow.WS || sr > rows || sc > cols) return this;
        long perFold = Math.min(rows / sr, cols / sc);
        return perFold < 2 ? this : new FoldPlan(dataflow, rows, cols, sr, sc, t, repeats, perFold);
    }

    long rowFolds() { return ceilDiv(sr, rows); }

    long colFolds() { return ceilDiv(sc, cols); }

    /** All folds, over every repeat. */
    long folds() { return rowFolds() * colFolds() * ceilDiv(repeats, groupsPerFold); }

    long cyclesPerFold() {
        return dataflow == Dataflow.OS ? rows + cols + t - 2 : 2L * rows + cols + t - 2;
    }

    /** The fold length SCALE-Sim divides by for compute utilization: T+R+C-2 (OS), 2R+2C+T-3 (WS, IS). */
    long utilizationCyclesPerFold() {
        return dataflow == Dataflow.OS ? rows + cols + t - 2 : 2L * rows + 2L * cols + t - 3;
    }

    /** Cycles counted from the first to the last, all repeats back to back. */
    long computeCycles() { return folds() * cyclesPerFold(); }

    long sumUsedRows() { return colFolds() * sr * repeats; }

    long sumUsedCols() { return rowFolds() * sc * repeats; }

    long sumUsedPes() { return sr * sc * repeats; }

    /** SRAM reads of the ifmap operand (words). */
    long ifmapSramReads() {
        return dataflow == Dataflow.IS ? sumUsedPes() : t * sumUsedRows();
    }

    /** SRAM reads of the filter operand (words). */
    long filterSramReads() {
        return switch (dataflow) {
            case WS -> sumUsedPes();
            case OS -> t * sumUsedCols();
            case IS -> t * sumUsedRows();
        };
    }

    /** SRAM writes of outputs and partial sums (words); OS also drains R + C per fold, as SCALE-Sim counts. */
    long ofmapSramWrites() {
        return dataflow == Dataflow.OS ? sumUsedPes() + folds() * (rows + cols) : t * sumUsedCols();
    }

    /** Mean over folds of used PEs / (R C), exactly (not in SCALE-Sim's summation order). */
    double mappingEfficiency() { return (double) sumUsedPes() / ((double) rows * cols * folds()); }

    /** Mean over folds of used PEs * T / (R C fold length), exactly. */
    double computeUtilization() {
        return (double) sumUsedPes() * t / ((double) rows * cols * utilizationCyclesPerFold() * folds());
    }

    static long ceilDiv(long a, long b) { return (a + b - 1) / b; }
}
