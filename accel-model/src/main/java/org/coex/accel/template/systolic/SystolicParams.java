package org.coex.accel.template.systolic;

import java.util.List;
import org.coex.accel.space.HwConfig;

/**
 * The systolic template's parameters, validated.
 *
 * @param dramWordsPerCycle DRAM bandwidth in words per cycle; 0 means unlimited (no stalls)
 * @param scaleSimCompatible reproduce SCALE-Sim v2's CALC-mode figures exactly (cycle index, float
 *                           summation order, no stalls, groups run as separate layers)
 */
public record SystolicParams(int rows, int cols, Dataflow dataflow, double ifmapSramKb, double filterSramKb,
                             double ofmapSramKb, double dramWordsPerCycle, double clockMhz, int wordBytes,
                             boolean scaleSimCompatible) {

    public static final String ROWS = "rows";
    public static final String COLS = "cols";
    public static final String DATAFLOW = "dataflow";
    public static final String IFMAP_SRAM_KB = "ifmap_sram_kb";
    public static final String FILTER_SRAM_KB = "filter_sram_kb";
    public static final String OFMAP_SRAM_KB = "ofmap_sram_kb";
    public static final String DRAM_WORDS_PER_CYCLE = "dram_words_per_cycle";
    public static final String CLOCK_MHZ = "clock_mhz";
    public static final String WORD_BYTES = "word_bytes";
    public static final String SCALESIM_COMPATIBLE = "scalesim_compatible";

    /** Every parameter name the template accepts, in report order. */
    public static final List<String> NAMES = List.of(ROWS, COLS, DATAFLOW, IFMAP_SRAM_KB, FILTER_SRAM_KB, OFMAP_SRAM_KB,
            DRAM_WORDS_PER_CYCLE, CLOCK_MHZ, WORD_BYTES, SCALESIM_COMPATIBLE);

    /** Defaults for parameters a config leaves out. */
    public static final SystolicParams DEFAULTS = new SystolicParams(32, 32, Dataflow.WS, 64, 64, 64, 16, 1000, 1, false);

    public SystolicParams {
        if (rows < 1) throw new IllegalArgumentException(ROWS + " must be >= 1, found " + rows);
        if (cols < 1) throw new IllegalArgumentException(COLS + " must be >= 1, found " + cols);
        if (dataflow == null) throw new IllegalArgumentException(DATAFLOW + " must be os, ws or is");
        positive(IFMAP_SRAM_KB, ifmapSramKb);
        positive(FILTER_SRAM_KB, filterSramKb);
        positive(OFMAP_SRAM_KB, ofmapSramKb);
        if (!(dramWordsPerCycle >= 0) || Double.isInfinite(dramWordsPerCycle)) {
            throw new IllegalArgumentException(DRAM_WORDS_PER_CYCLE + " must be >= 0 (0 = unlimited), found " + dramWordsPerCycle);
        }
        positive(CLOCK_MHZ, clockMhz);
        if (wordBytes < 1) throw new IllegalArgumentException(WORD_BYTES + " must be >= 1, found " + wordBytes);
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be > 0, found " + v);
    }

    /**
     * Reads a config; absent parameters take {@link #DEFAULTS}; names other than {@link #NAMES} are
     * refused by the framework before ({@code AcceleratorTemplate.parameterNames}).
     * @throws IllegalArgumentException naming the parameter
     */
    public static SystolicParams from(HwConfig c) {
        SystolicParams d = DEFAULTS;
        String df = c.stringValue(DATAFLOW, d.dataflow.key());
        Dataflow dataflow = Dataflow.parse(df).orElseThrow(
                () -> new IllegalArgumentException(DATAFLOW + " must be os, ws or is, found '" + df + "'"));
        return new SystolicParams(c.intValue(ROWS, d.rows), c.intValue(COLS, d.cols), dataflow,
                c.doubleValue(IFMAP_SRAM_KB, d.ifmapSramKb), c.doubleValue(FILTER_SRAM_KB, d.filterSramKb),
                c.doubleValue(OFMAP_SRAM_KB, d.ofmapSramKb), c.doubleValue(DRAM_WORDS_PER_CYCLE, d.dramWordsPerCycle),
                c.doubleValue(CLOCK_MHZ, d.clockMhz), c.intValue(WORD_BYTES, d.wordBytes),
                c.booleanValue(SCALESIM_COMPATIBLE, d.scaleSimCompatible));
    }

    /** All parameters as a config (whole numbers stay integers). */
    public HwConfig toConfig() {
        return HwConfig.of(ROWS, rows, COLS, cols, DATAFLOW, dataflow.key(), IFMAP_SRAM_KB, number(ifmapSramKb),
                FILTER_SRAM_KB, number(filterSramKb), OFMAP_SRAM_KB, number(ofmapSramKb),
                DRAM_WORDS_PER_CYCLE, number(dramWordsPerCycle), CLOCK_MHZ, number(clockMhz), WORD_BYTES, wordBytes,
                SCALESIM_COMPATIBLE, scaleSimCompatible);
    }

    private static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
    }

    long ifmapCapacityWords() { return (long) (ifmapSramKb * 1024 / wordBytes); }

    long filterCapacityWords() { return (long) (filterSramKb * 1024 / wordBytes); }

    long ofmapCapacityWords() { return (long) (ofmapSramKb * 1024 / wordBytes); }
}
