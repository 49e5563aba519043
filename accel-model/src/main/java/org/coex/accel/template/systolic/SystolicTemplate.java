package org.coex.accel.template.systolic;

import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;

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
    @Override public java.util.List<String> parameterNames() { return SystolicParams.NAMES; }

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
