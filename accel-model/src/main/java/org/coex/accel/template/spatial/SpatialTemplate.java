package org.coex.accel.template.spatial;

import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.ParameterSpec;

/**
 * The {@code spatial} template: an Eyeriss-like PE array with per-PE register files, a global
 * buffer and DRAM, under the WS, OS or RS dataflow, each layer mapped by a loop-tiling search and
 * costed the way Timeloop counts. Parameters: {@link SpatialParams#NAMES}.
 */
public final class SpatialTemplate implements AcceleratorTemplate {
    public static final String NAME = "spatial";

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "Eyeriss-like PE array (per-PE RFs, global buffer, DRAM) under WS/OS/RS with per-layer mapping search";
    }

    /** 3 x 3 x 3 x 2 x 3 = 162 points. */
    @Override public java.util.List<ParameterSpec> parameters() {
        SpatialParams d = SpatialParams.DEFAULTS;
        return java.util.List.of(
                ParameterSpec.integer(SpatialParams.PE_ROWS, d.peRows(), 1, "PE rows"),
                ParameterSpec.integer(SpatialParams.PE_COLS, d.peCols(), 1, "PE columns"),
                ParameterSpec.integer(SpatialParams.IFMAP_RF_BYTES, d.ifmapRfBytes(), 1, "per-PE input register file (bytes; one word at least)"),
                ParameterSpec.integer(SpatialParams.WEIGHTS_RF_BYTES, d.weightsRfBytes(), 1, "per-PE weight register file (bytes; one word at least)"),
                ParameterSpec.integer(SpatialParams.PSUM_RF_BYTES, d.psumRfBytes(), 1, "per-PE partial-sum register file (bytes; one double-width word at least)"),
                ParameterSpec.number(SpatialParams.GLB_KB, d.glbKb(), 0, true, "global buffer (kB)"),
                ParameterSpec.text(SpatialParams.DATAFLOW, d.dataflow().key(), java.util.List.of("ws", "os", "rs"), "weight, output or row stationary"),
                ParameterSpec.number(SpatialParams.DRAM_WORDS_PER_CYCLE, d.dramWordsPerCycle(), 0, false, "DRAM bandwidth (0: unlimited)"),
                ParameterSpec.number(SpatialParams.CLOCK_MHZ, d.clockMhz(), 0, true, "clock (MHz)"),
                ParameterSpec.integer(SpatialParams.WORD_BITS, d.wordBits(), 1, "bits per word, at most 64"),
                ParameterSpec.text(SpatialParams.MAPPING_METRIC, d.mappingMetric().key(), java.util.List.of("energy", "latency", "edp"), "what each layer's mapping search minimizes"));
    }

    @Override public DesignSpace defaultSpace() {
        return DesignSpace.of(
                Parameter.of(SpatialParams.PE_ROWS, 8, 12, 16),
                Parameter.of(SpatialParams.PE_COLS, 8, 14, 16),
                Parameter.of(SpatialParams.GLB_KB, 64, 128, 256),
                Parameter.of(SpatialParams.WEIGHTS_RF_BYTES, 192, 384),
                Parameter.of(SpatialParams.DATAFLOW, "ws", "os", "rs"));
    }

    @Override public SpatialAccelerator configure(HwConfig config, TechnologyTable technology) {
        return new SpatialAccelerator(SpatialParams.from(config), technology);
    }
}
