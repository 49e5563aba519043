package org.coex.accel.template.spatial;

import java.util.List;
import org.coex.accel.mapping.Metric;
import org.coex.accel.space.HwConfig;

/**
 * The spatial template's parameters, validated. Data words are {@code word_bits} wide, partial sums
 * twice that.
 *
 * @param dramWordsPerCycle DRAM read (and write) bandwidth in words per cycle; 0 means unlimited
 * @param mappingMetric     what the per-layer mapping search minimizes
 */
public record SpatialParams(int peRows, int peCols, int ifmapRfBytes, int weightsRfBytes, int psumRfBytes, double glbKb,
                            SpatialDataflow dataflow, double dramWordsPerCycle, double clockMhz, int wordBits,
                            Metric mappingMetric) {

    public static final String PE_ROWS = "pe_rows";
    public static final String PE_COLS = "pe_cols";
    public static final String IFMAP_RF_BYTES = "ifmap_rf_bytes";
    public static final String WEIGHTS_RF_BYTES = "weights_rf_bytes";
    public static final String PSUM_RF_BYTES = "psum_rf_bytes";
    public static final String GLB_KB = "glb_kb";
    public static final String DATAFLOW = "dataflow";
    public static final String DRAM_WORDS_PER_CYCLE = "dram_words_per_cycle";
    public static final String CLOCK_MHZ = "clock_mhz";
    public static final String WORD_BITS = "word_bits";
    public static final String MAPPING_METRIC = "mapping_metric";

    public static final List<String> NAMES = List.of(PE_ROWS, PE_COLS, IFMAP_RF_BYTES, WEIGHTS_RF_BYTES, PSUM_RF_BYTES,
            GLB_KB, DATAFLOW, DRAM_WORDS_PER_CYCLE, CLOCK_MHZ, WORD_BITS, MAPPING_METRIC);

    /** Eyeriss-sized defaults: 12 x 14 PEs, 24 B / 384 B / 32 B RFs, 128 kB global buffer, row stationary. */
    public static final SpatialParams DEFAULTS = new SpatialParams(12, 14, 24, 384, 32, 128, SpatialDataflow.RS, 16, 1000, 8,
            Metric.EDP);

    public SpatialParams {
        if (peRows < 1) throw new IllegalArgumentException(PE_ROWS + " must be >= 1, found " + peRows);
        if (peCols < 1) throw new IllegalArgumentException(PE_COLS + " must be >= 1, found " + peCols);
        if (wordBits < 1 || wordBits > 64) throw new IllegalArgumentException(WORD_BITS + " must be 1..64, found " + wordBits);
        if (ifmapRfBytes * 8 < wordBits) throw new IllegalArgumentException(IFMAP_RF_BYTES + " must hold at least one "
                + wordBits + "-bit word, found " + ifmapRfBytes);
        if (weightsRfBytes * 8 < wordBits) throw new IllegalArgumentException(WEIGHTS_RF_BYTES + " must hold at least one "
                + wordBits + "-bit word, found " + weightsRfBytes);
        if (psumRfBytes * 8 < 2 * wordBits) throw new IllegalArgumentException(PSUM_RF_BYTES + " must hold at least one "
                + 2 * wordBits + "-bit partial sum, found " + psumRfBytes);
        if (!(glbKb > 0) || Double.isInfinite(glbKb)) throw new IllegalArgumentException(GLB_KB + " must be > 0, found " + glbKb);
        if (dataflow == null) throw new IllegalArgumentException(DATAFLOW + " must be ws, os or rs");
        if (!(dramWordsPerCycle >= 0)) throw new IllegalArgumentException(DRAM_WORDS_PER_CYCLE + " must be >= 0 (0 = unlimited)");
        if (!(clockMhz > 0)) throw new IllegalArgumentException(CLOCK_MHZ + " must be > 0, found " + clockMhz);
        if (mappingMetric == null) throw new IllegalArgumentException(MAPPING_METRIC + " must be energy, latency or edp");
    }

    /**
     * Reads a config; names other than {@link #NAMES} are refused by the framework before
     * ({@code AcceleratorTemplate.parameterNames}). @throws IllegalArgumentException naming the parameter
     */
    public static SpatialParams from(HwConfig c) {
        SpatialParams d = DEFAULTS;
        String df = c.stringValue(DATAFLOW, d.dataflow.key());
        String metric = c.stringValue(MAPPING_METRIC, d.mappingMetric.key());
        return new SpatialParams(c.intValue(PE_ROWS, d.peRows), c.intValue(PE_COLS, d.peCols),
                c.intValue(IFMAP_RF_BYTES, d.ifmapRfBytes), c.intValue(WEIGHTS_RF_BYTES, d.weightsRfBytes),
                c.intValue(PSUM_RF_BYTES, d.psumRfBytes), c.doubleValue(GLB_KB, d.glbKb),
                SpatialDataflow.parse(df).orElseThrow(() -> new IllegalArgumentException(DATAFLOW + " must be ws, os or rs, found '" + df + "'")),
                c.doubleValue(DRAM_WORDS_PER_CYCLE, d.dramWordsPerCycle), c.doubleValue(CLOCK_MHZ, d.clockMhz),
                c.intValue(WORD_BITS, d.wordBits),
                Metric.parse(metric).orElseThrow(() -> new IllegalArgumentException(MAPPING_METRIC
                        + " must be energy, latency or edp, found '" + metric + "'")));
    }

    public HwConfig toConfig() {
        return HwConfig.of(PE_ROWS, peRows, PE_COLS, peCols, IFMAP_RF_BYTES, ifmapRfBytes, WEIGHTS_RF_BYTES, weightsRfBytes,
                PSUM_RF_BYTES, psumRfBytes, GLB_KB, glbKb, DATAFLOW, dataflow.key(), DRAM_WORDS_PER_CYCLE, dramWordsPerCycle,
                CLOCK_MHZ, clockMhz, WORD_BITS, wordBits, MAPPING_METRIC, mappingMetric.key());
    }
}
