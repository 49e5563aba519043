package org.coex.accel.nest;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Timeloop's eyeriss_like architecture (shared/reference/timeloop/input.yaml, ERT.yaml, ART.yaml):
 * 14 x 12 PEs with ifmap / weights / psum scratchpads, a 128 KiB global buffer and DRAM.
 */
public final class EyerissLikeFixture {
    private EyerissLikeFixture() {}

    public static final Architecture ARCH = new Architecture("mac", 168, 0.207692, 191.82, List.of(
            new StorageLevel("psum_spad", 168, 14, 16, 1, 16, 2, 2, 0.2513, 0.2191, 0.2191, 0.000134, 123.627348, false),
            new StorageLevel("weights_spad", 168, 14, 8, 2, 384, 2, 2, 1.976602, 1.881657, 1.881657, 0.001592, 5816.44278, false),
            new StorageLevel("ifmap_spad", 168, 14, 8, 2, 24, 2, 2, 0.202442, 0.176713, 0.176713, 0.000101, 70.091961, false),
            new StorageLevel("inter_PE_spatial", 14, 14, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1.0, true),
            new StorageLevel("inter_PE_column_spatial", 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1.0, true),
            new StorageLevel("shared_glb", 1, 1, 8, 8, 131072, 16, 16, 18.183829, 14.137929, 14.137929, 0.005652, 217363.36892, false),
            new StorageLevel("DRAM", 1, 1, 8, 8, 0, 0, 0, 512, 512, 512, 0, 0, false)));

    static Loop t(Dim d, int b) { return new Loop(d, b, Loop.Kind.TEMPORAL); }

    static Loop x(Dim d, int b) { return new Loop(d, b, Loop.Kind.SPATIAL_X); }

    static Loop y(Dim d, int b) { return new Loop(d, b, Loop.Kind.SPATIAL_Y); }

    static LevelMapping level(List<Loop> temporal, List<Loop> spatial, Set<DataSpace> keep) {
        return new LevelMapping(temporal, spatial, keep);
    }

    public static final Set<DataSpace> NONE = EnumSet.noneOf(DataSpace.class);
    public static final Set<DataSpace> ALL = EnumSet.allOf(DataSpace.class);

    /** VGG-16 conv layer (C128 M256 P=Q=56 R=S=3) and Timeloop mapper's best mapping (map.txt). */
    public static final ConvProblem VGG_CONV = new ConvProblem(1, 256, 128, 56, 56, 3, 3, 1, 1, 1, 1);
    public static final Mapping VGG_MAPPING = new Mapping(List.of(
            level(List.of(t(Dim.K, 8)), List.of(), EnumSet.of(DataSpace.OUTPUTS)),
            level(List.of(t(Dim.C, 8), t(Dim.R, 3)), List.of(), EnumSet.of(DataSpace.WEIGHTS)),
            level(List.of(), List.of(), EnumSet.of(DataSpace.INPUTS)),
            level(List.of(), List.of(y(Dim.K, 4), y(Dim.S, 3)), NONE),
            level(List.of(), List.of(x(Dim.Q, 14)), NONE),
            level(List.of(t(Dim.P, 8), t(Dim.C, 4), t(Dim.K, 2)), List.of(), EnumSet.of(DataSpace.INPUTS, DataSpace.OUTPUTS)),
            level(List.of(t(Dim.K, 4), t(Dim.P, 7), t(Dim.C, 4), t(Dim.Q, 4)), List.of(), ALL)));

    /** The first layer of energy-area.md section 3: C3 M32 P=Q=112 R=S=3, stride 2. */
    public static final ConvProblem STRIDE2_CONV = new ConvProblem(1, 32, 3, 112, 112, 3, 3, 2, 2, 1, 1);
    public static final Mapping STRIDE2_MAPPING = new Mapping(List.of(
            level(List.of(t(Dim.K, 8)), List.of(), EnumSet.of(DataSpace.OUTPUTS)),
            level(List.of(t(Dim.R, 3)), List.of(), EnumSet.of(DataSpace.WEIGHTS)),
            level(List.of(), List.of(), EnumSet.of(DataSpace.INPUTS)),
            level(List.of(), List.of(y(Dim.C, 3), y(Dim.S, 3)), NONE),
            level(List.of(), List.of(x(Dim.Q, 14)), NONE),
            level(List.of(t(Dim.Q, 4), t(Dim.P, 14)), List.of(), EnumSet.of(DataSpace.INPUTS, DataSpace.OUTPUTS)),
            level(List.of(t(Dim.K, 4), t(Dim.Q, 2), t(Dim.P, 8)), List.of(), ALL)));

    /**
     * The same stride-2 layer under the mapping of Timeloop's eyeriss_like "default_problem" reference
     * (timeloop-accelergy-exercises, workspace/baseline_designs/example_designs/eyeriss_like/ref_outputs):
     * DRAM P8 M2 | GLB R3 P14 Q112 | M8 (X) | C3 S3 (Y) | psum M2; 72 of 168 PEs.
     */
    public static final Mapping STRIDE2_DEFAULT_MAPPING = new Mapping(List.of(
            level(List.of(t(Dim.K, 2)), List.of(), EnumSet.of(DataSpace.OUTPUTS)),
            level(List.of(), List.of(), EnumSet.of(DataSpace.WEIGHTS)),
            level(List.of(), List.of(), EnumSet.of(DataSpace.INPUTS)),
            level(List.of(), List.of(y(Dim.C, 3), y(Dim.S, 3)), NONE),
            level(List.of(), List.of(x(Dim.K, 8)), NONE),
            level(List.of(t(Dim.Q, 112), t(Dim.P, 14), t(Dim.R, 3)), List.of(), EnumSet.of(DataSpace.INPUTS, DataSpace.OUTPUTS)),
            level(List.of(t(Dim.K, 2), t(Dim.P, 8)), List.of(), ALL)));
}
