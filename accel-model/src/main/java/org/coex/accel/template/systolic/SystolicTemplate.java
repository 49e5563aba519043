package org.coex.accel.template.systolic;

import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.ParameterSpec;

/**
 * The {@code systolic} template: an R x C systolic array with separate ifmap, filter and ofmap SRAMs
 * and a DRAM, under the OS, WS or IS dataflow; SCALE-Sim v2 compatible. Parameters:
 * {@link SystolicParams#NAMES}.
 */
public final class SystolicTemplate implements AcceleratorTemplate {
    public static final String NAME = "systolic";

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "R x C systolic array (OS/WS/IS) with ifmap/filter/ofmap SRAMs and DRAM; SCALE-Sim v2 compatible";
    }

    /** 5 x 5 x 3 x 4 x 4 x 4 x 2 = 9,600 points. */
    @Override public java.util.List<ParameterSpec> parameters() {
        SystolicParams d = SystolicParams.DEFAULTS;
        return java.util.List.of(
                ParameterSpec.integer(SystolicParams.ROWS, d.rows(), 1, "PE rows of the array"),
                ParameterSpec.integer(SystolicParams.COLS, d.cols(), 1, "PE columns of the array"),
                ParameterSpec.text(SystolicParams.DATAFLOW, d.dataflow().key(), java.util.List.of("os", "ws", "is"), "output, weight or input stationary"),
                ParameterSpec.number(SystolicParams.IFMAP_SRAM_KB, d.ifmapSramKb(), 0, true, "input feature-map SRAM (kB)"),
                ParameterSpec.number(SystolicParams.FILTER_SRAM_KB, d.filterSramKb(), 0, true, "filter SRAM (kB)"),
                ParameterSpec.number(SystolicParams.OFMAP_SRAM_KB, d.ofmapSramKb(), 0, true, "output feature-map SRAM (kB)"),
                ParameterSpec.number(SystolicParams.DRAM_WORDS_PER_CYCLE, d.dramWordsPerCycle(), 0, false, "DRAM bandwidth (0: unlimited)"),
                ParameterSpec.number(SystolicParams.CLOCK_MHZ, d.clockMhz(), 0, true, "clock (MHz)"),
                ParameterSpec.integer(SystolicParams.WORD_BYTES, d.wordBytes(), 1, "bytes per word"),
                ParameterSpec.bool(SystolicParams.SCALESIM_COMPATIBLE, d.scaleSimCompatible(), "report SCALE-Sim's cycle counts exactly"));
    }

    @Override public DesignSpace defaultSpace() {
        return DesignSpace.of(
                Parameter.of(SystolicParams.ROWS, 8, 16, 32, 64, 128),
                Parameter.of(SystolicParams.COLS, 8, 16, 32, 64, 128),
                Parameter.of(SystolicParams.DATAFLOW, "os", "ws", "is"),
                Parameter.of(SystolicParams.IFMAP_SRAM_KB, 64, 128, 256, 512),
                Parameter.of(SystolicParams.FILTER_SRAM_KB, 64, 128, 256, 512),
                Parameter.of(SystolicParams.OFMAP_SRAM_KB, 32, 64, 128, 256),
                Parameter.of(SystolicParams.DRAM_WORDS_PER_CYCLE, 8, 32));
    }

    @Override public SystolicAccelerator configure(HwConfig config, TechnologyTable technology) {
        return new SystolicAccelerator(SystolicParams.from(config), technology);
    }
}
