package org.coex.accel.template.systolic;

import org.coex.accel.workload.Layer;

/**
 * coex's DRAM traffic model for the systolic array (SCALE-Sim's own comes from a cycle-level
 * prefetch simulation with no closed form). Each operand is fetched once when it fits its SRAM.
 * When a working set that the fold loop sweeps {@code passes} times does not fit, the SRAM keeps
 * {@code capacity} words of it and the rest is fetched again on every later pass:
 * <pre>  traffic = unique + sets * (passes - 1) * max(0, workingSet - capacity)</pre>
 * Which operand is swept how often follows the fold order (column fold outer, row fold inner):
 * <ul>
 *   <li>OS, WS: the ifmap is swept once per column fold (working set: one group's input).</li>
 *   <li>IS: the filters are swept once per column fold (working set: one group's weights).</li>
 *   <li>OS: each column fold's filter slice (Wn x min(C, K)) is re-read on every row fold.</li>
 *   <li>WS, IS: partial sums of a column fold (T x min(C, S<sub>c</sub>)) are revisited by every
 *       row fold; what does not fit the ofmap SRAM is written to DRAM and read back.</li>
 * </ul>
 * The formula never grows when a capacity grows, and equals the unique footprint when operands fit.
 */
record DramTraffic(long ifmapReads, long filterReads, long ofmapWrites, long psumReads) {

    long total() { return ifmapReads + filterReads + ofmapWrites + psumReads; }

    /** Traffic of a layer whose groups run one after another, each with the folds of {@code f}. */
    static DramTraffic sequential(Layer layer, FoldPlan f, SystolicParams p) {
        long groups = f.repeats();
        long input = touchedInput(layer) / layer.groups();
        long weights = layer.windowSize() * layer.filtersPerGroup();
        long outputs = layer.outputPixels() * layer.filtersPerGroup();
        long rf = f.rowFolds();
        long cf = f.colFolds();
        long in;
        long w;
        long spill;
        switch (f.dataflow()) {
            case OS -> {
                in = refetched(input, 1, cf, input, p.ifmapCapacityWords());
                long slice = layer.windowSize() * Math.min(f.cols(), layer.filtersPerGroup());
                w = weights + cf * (rf - 1) * Math.max(0, slice - p.filterCapacityWords());
                spill = 0;
            }
            case WS -> {
                in = refetched(input, 1, cf, input, p.ifmapCapacityWords());
                w = weights;
                spill = cf * (rf - 1) * Math.max(0, f.t() * Math.min(f.cols(), f.sc()) - p.ofmapCapacityWords());
            }
            case IS -> {
                in = input;
                w = refetched(weights, 1, cf, weights, p.filterCapacityWords());
                spill = cf * (rf - 1) * Math.max(0, f.t() * Math.min(f.cols(), f.sc()) - p.ofmapCapacityWords());
            }
            default -> throw new AssertionError(f.dataflow());
        }
        return new DramTraffic(groups * in, groups * w, groups * (outputs + spill), groups * spill);
    }

    /** Traffic when every group's operands are fetched once (block-diagonal packing, no row folds). */
    static DramTraffic once(Layer layer) {
        return new DramTraffic(touchedInput(layer), layer.weightCount(), layer.outputCount(), 0);
    }

    static long refetched(long unique, long sets, long passes, long workingSet, long capacity) {
        return unique + sets * (passes - 1) * Math.max(0, workingSet - capacity);
    }

    /** Input words some window reads: padding is not stored, and strides larger than the kernel skip rows. */
    static long touchedInput(Layer l) {
        return (long) l.batch() * l.inC() * touched(l.inH(), l.padH(), l.kernelH(), l.strideH(), l.outH())
                * touched(l.inW(), l.padW(), l.kernelW(), l.strideW(), l.outW());
    }

    static long touched(int in, int pad, int kernel, int stride, int out) {
        if (kernel >= stride) {
            long end = Math.min((long) (out - 1) * stride + kernel, (long) pad + in);
            return Math.max(0, end - pad);
        }
        long n = 0;
        for (long o = 0; o < out; o++) {
            long lo = Math.max(o * stride, pad);
            long hi = Math.min(o * stride + kernel, (long) pad + in);
            n += Math.max(0, hi - lo);
        }
        return n;
    }
}
