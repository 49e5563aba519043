package org.coex.accel.nest;

import static org.coex.accel.nest.DataSpace.INPUTS;
import static org.coex.accel.nest.DataSpace.OUTPUTS;
import static org.coex.accel.nest.DataSpace.WEIGHTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A third Timeloop run, beyond shared/reference: AlexNet layer 1 (C3 M96 R=S=11 P=Q=55, stride 4) on
 * an older eyeriss_like (16-bit words, a DummyBuffer level fanning S over rows, 64 K-word global
 * buffer), from Timeloop's exercise repository (baseline_designs/example_designs/eyeriss_like/
 * example_AlexNet_layer1_outputs/timeloop-mapper.stats.txt). Mapping: DRAM Q55 C3 | GLB P55, M12
 * spatial X | DummyBuffer S11 spatial Y | weights R11 | psum M8; 132 of 168 PEs.
 *
 * <p>That older Timeloop counted the first touch of each output at a buffer as a fill (its parent's
 * reads leave them out); the newer one of the VGG reference, and coex, do not. Output fills are
 * therefore compared as coex fills + first touches.
 */
class TimeloopAlexNetReferenceTest {
    static final Architecture ARCH = new Architecture("mac", 168, 2.2, 0, List.of(
            new StorageLevel("psum_spad", 168, 14, 16, 1, 16, 2, 2, 0.25, 0.25, 0.25, 0, 0, false),
            new StorageLevel("weights_spad", 168, 14, 16, 1, 192, 2, 2, 1.59, 1.59, 1.59, 0, 0, false),
            new StorageLevel("ifmap_spad", 168, 14, 16, 1, 12, 2, 2, 0.24, 0.24, 0.24, 0, 0, false),
            new StorageLevel("DummyBuffer", 14, 14, 16, 1, 16, 0, 0, 0, 0, 0, 0, 0, true),
            new StorageLevel("shared_glb", 1, 1, 16, 4, 65536, 16, 16, 75.22, 75.22, 75.22, 0, 0, false),
            new StorageLevel("DRAM", 1, 1, 16, 4, 0, 0, 0, 512, 512, 512, 0, 0, false)));

    static final ConvProblem LAYER = new ConvProblem(1, 96, 3, 55, 55, 11, 11, 4, 4, 1, 1);

    static final Mapping MAPPING = new Mapping(List.of(
            new LevelMapping(List.of(new Loop(Dim.K, 8, Loop.Kind.TEMPORAL)), List.of(), EnumSet.of(OUTPUTS)),
            new LevelMapping(List.of(new Loop(Dim.R, 11, Loop.Kind.TEMPORAL)), List.of(), EnumSet.of(WEIGHTS)),
            new LevelMapping(List.of(), List.of(), EnumSet.of(INPUTS)),
            new LevelMapping(List.of(), List.of(new Loop(Dim.S, 11, Loop.Kind.SPATIAL_Y)), EnumSet.noneOf(DataSpace.class)),
            new LevelMapping(List.of(new Loop(Dim.P, 55, Loop.Kind.TEMPORAL)), List.of(new Loop(Dim.K, 12, Loop.Kind.SPATIAL_X)),
                    EnumSet.of(INPUTS, OUTPUTS)),
            new LevelMapping(List.of(new Loop(Dim.C, 3, Loop.Kind.TEMPORAL), new Loop(Dim.Q, 55, Loop.Kind.TEMPORAL)), List.of(),
                    EnumSet.allOf(DataSpace.class))));

    @Test
    void alexNetLayer1CountsEqualTimeloops() {
        NestResult r = NestAnalysis.evaluate(LAYER, ARCH, MAPPING);
        assertEquals(798_600L, r.cycles());
        assertEquals(132, r.level("psum_spad").utilizedInstances());
        assertEquals(new Accesses(774_400L * 132, 72_600L * 132 - 24_200L * 132, 798_600L * 132), r.level("psum_spad").accesses().get(OUTPUTS));
        assertEquals(new Accesses(798_600L * 132, 14_520L * 132, 0), r.level("weights_spad").accesses().get(WEIGHTS));
        assertEquals(new Accesses(798_600L * 132, 37_455L * 132, 0), r.level("ifmap_spad").accesses().get(INPUTS));   // stride-4 halo
        assertEquals(new Accesses(412_005, 412_005, 0), r.level("shared_glb").accesses().get(INPUTS));
        assertEquals(new Accesses(580_800, 290_400 - 290_400, 871_200), r.level("shared_glb").accesses().get(OUTPUTS));
        assertEquals(new Accesses(1_916_640, 0, 0), r.level("DRAM").accesses().get(WEIGHTS));
        assertEquals(new Accesses(412_005, 0, 0), r.level("DRAM").accesses().get(INPUTS));
        assertEquals(new Accesses(0, 0, 290_400), r.level("DRAM").accesses().get(OUTPUTS));
        assertEquals(java.util.Map.of(INPUTS, 2497L, OUTPUTS, 5280L), r.level("shared_glb").tileWords());
    }
}
