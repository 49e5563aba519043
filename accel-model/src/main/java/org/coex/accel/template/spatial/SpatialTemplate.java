package org.coex.accel.template.spatial;

import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;

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
    @Override public java.util.List<String> parameterNames() { return SpatialParams.NAMES; }

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
