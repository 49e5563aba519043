package org.coex.accel.nest;

import java.util.EnumMap;
import java.util.Map;
import org.coex.accel.Checks;
import org.coex.accel.workload.Layer;

/**
 * One convolution as a loop nest, in Timeloop's CNN_Layer terms. The input extent along P is
 * (P - 1) * pStride + (R - 1) * pDilation + 1, along Q likewise with S. Padding is not modelled
 * separately: the input is the padded one, as in Timeloop.
 */
public record ConvProblem(int n, int k, int c, int p, int q, int r, int s, int pStride, int qStride,
                          int pDilation, int qDilation) {

    public ConvProblem {
        for (int v : new int[] {n, k, c, p, q, r, s, pStride, qStride, pDilation, qDilation}) {
            if (v < 1) throw new IllegalArgumentException("every problem dimension, stride and dilation must be >= 1");
        }
    }

    /** The problem of one group of a layer (grouped layers run their groups one after another). */
    public static ConvProblem of(Layer l) {
        Checks.notNull("layer", l);
        return new ConvProblem(l.batch(), l.filtersPerGroup(), l.channelsPerGroup(), l.outH(), l.outW(), l.kernelH(),
                l.kernelW(), l.strideH(), l.strideW(), 1, 1);
    }

    public int bound(Dim d) {
        return switch (d) {
            case N -> n;
            case K -> k;
            case C -> c;
            case P -> p;
            case Q -> q;
            case R -> r;
            case S -> s;
        };
    }

    public Map<Dim, Integer> bounds() {
        Map<Dim, Integer> m = new EnumMap<>(Dim.class);
        for (Dim d : Dim.values()) m.put(d, bound(d));
        return m;
    }

    public long macs() { return (long) n * k * c * p * q * r * s; }

    /** Elements of a tensor of the whole problem. */
    public long size(DataSpace ds) { return tileSize(ds, bounds()); }

    /** Elements of a tensor touched by a tile with these per-dimension extents (a bounding box for inputs). */
    public long tileSize(DataSpace ds, Map<Dim, Integer> ext) {
        return switch (ds) {
            case WEIGHTS -> (long) ext.get(Dim.K) * ext.get(Dim.C) * ext.get(Dim.R) * ext.get(Dim.S);
            case OUTPUTS -> (long) ext.get(Dim.N) * ext.get(Dim.K) * ext.get(Dim.P) * ext.get(Dim.Q);
            case INPUTS -> (long) ext.get(Dim.N) * ext.get(Dim.C) * inputRows(ext) * inputCols(ext);
        };
    }

    /** Like {@link #tileSize(DataSpace, Map)} with extents indexed by {@link Dim#ordinal()}. */
    public long tileSize(DataSpace ds, int[] e) {
        return switch (ds) {
            case WEIGHTS -> (long) e[1] * e[2] * e[5] * e[6];
            case OUTPUTS -> (long) e[0] * e[1] * e[3] * e[4];
            case INPUTS -> (long) e[0] * e[2] * rows(e[3], e[5]) * cols(e[4], e[6]);
        };
    }

    long rows(int pExt, int rExt) { return (long) (pExt - 1) * pStride + (long) (rExt - 1) * pDilation + 1; }

    long cols(int qExt, int sExt) { return (long) (qExt - 1) * qStride + (long) (sExt - 1) * qDilation + 1; }

    long inputRows(Map<Dim, Integer> ext) { return (long) (ext.get(Dim.P) - 1) * pStride + (long) (ext.get(Dim.R) - 1) * pDilation + 1; }

    long inputCols(Map<Dim, Integer> ext) { return (long) (ext.get(Dim.Q) - 1) * qStride + (long) (ext.get(Dim.S) - 1) * qDilation + 1; }
}
