package org.coex.accel.nest;

import static org.coex.accel.nest.DataSpace.INPUTS;
import static org.coex.accel.nest.DataSpace.OUTPUTS;
import static org.coex.accel.nest.DataSpace.WEIGHTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Timeloop's own figures for its eyeriss_like reference runs: timeloop-mapper.stats.txt (per-instance
 * counts there, times utilized instances here) and energy-area.md section 3.
 */
class TimeloopReferenceTest {

    static void assertCounts(NestResult r, String level, DataSpace ds, long reads, long fills, long updates) {
        Accesses a = r.level(level).accesses().get(ds);
        assertEquals(new Accesses(reads, fills, updates), a, level + " " + ds);
    }

    static double fJPerCompute(NestResult r, String component) {
        return r.energyByComponentPj("mac").get(component) / r.computes() * 1000;
    }

    @Test
    void vggLayerCountsEqualTimeloopsMapperStats() {
        NestResult r = NestAnalysis.evaluate(EyerissLikeFixture.VGG_CONV, EyerissLikeFixture.ARCH, EyerissLikeFixture.VGG_MAPPING);
        assertEquals(924_844_032L, r.computes());
        assertEquals(5_505_024L, r.cycles());
        assertEquals(168, r.level("psum_spad").utilizedInstances());
        // per instance: reads 5,490,688  fills 215,040  updates 5,505,024 (x 168)
        assertCounts(r, "psum_spad", OUTPUTS, 5_490_688L * 168, 215_040L * 168, 5_505_024L * 168);
        assertCounts(r, "weights_spad", WEIGHTS, 5_505_024L * 168, 688_128L * 168, 0);
        assertCounts(r, "ifmap_spad", INPUTS, 5_505_024L * 168, 286_720L * 168, 0);
        assertCounts(r, "shared_glb", INPUTS, 12_042_240, 573_440, 0);
        assertCounts(r, "shared_glb", OUTPUTS, 12_042_240, 2_408_448, 12_845_056);
        assertCounts(r, "DRAM", WEIGHTS, 8_257_536, 0, 0);
        assertCounts(r, "DRAM", INPUTS, 573_440, 0, 0);
        assertCounts(r, "DRAM", OUTPUTS, 2_408_448, 0, 3_211_264);
        assertEquals(Map.of(OUTPUTS, 8L), r.level("psum_spad").tileWords());
        assertEquals(Map.of(INPUTS, 5120L, OUTPUTS, 7168L), r.level("shared_glb").tileWords());
    }

    @Test
    void vggLayerEnergyEqualsTimeloops() {
        NestResult r = NestAnalysis.evaluate(EyerissLikeFixture.VGG_CONV, EyerissLikeFixture.ARCH, EyerissLikeFixture.VGG_MAPPING);
        assertEquals(2764.38, r.energyPj() / 1e6, 0.005);
        assertEquals(207.69, fJPerCompute(r, "mac"), 0.005);
        assertEquals(478.44, fJPerCompute(r, "psum_spad"), 0.005);
        assertEquals(1107.50, fJPerCompute(r, "weights_spad"), 0.005);
        assertEquals(105.92, fJPerCompute(r, "ifmap_spad"), 0.005);
        assertEquals(89.47, fJPerCompute(r, "shared_glb"), 0.005);
        assertEquals(1000.00, fJPerCompute(r, "DRAM"), 0.005);
    }

    @Test
    void stride2LayerEqualsTimeloopsSmallerRun() {
        NestResult r = NestAnalysis.evaluate(EyerissLikeFixture.STRIDE2_CONV, EyerissLikeFixture.ARCH, EyerissLikeFixture.STRIDE2_MAPPING);
        assertEquals(10_838_016L, r.computes());
        assertEquals(86_016L, r.cycles());
        assertEquals(126, r.level("psum_spad").utilizedInstances());   // 126 of 168 PEs busy
        assertEquals(13_824, r.level("DRAM").accesses().get(WEIGHTS).reads());
        assertEquals(157_296, r.level("DRAM").accesses().get(INPUTS).reads());
        assertEquals(401_408, r.level("DRAM").accesses().get(OUTPUTS).updates());
        assertEquals(1_354_752, r.level("shared_glb").accesses().get(INPUTS).reads());
        assertEquals(157_296, r.level("shared_glb").accesses().get(INPUTS).fills());
        assertEquals(401_408, r.level("shared_glb").accesses().get(OUTPUTS).updates());
        assertEquals(59.28, r.energyPj() / 1e6, 0.005);
        assertEquals(386.77, fJPerCompute(r, "psum_spad"), 0.005);
        assertEquals(1006.69, fJPerCompute(r, "weights_spad"), 0.005);
        assertEquals(112.37, fJPerCompute(r, "ifmap_spad"), 0.005);
        assertEquals(375.27, fJPerCompute(r, "shared_glb"), 0.005);
        assertEquals(3380.86, fJPerCompute(r, "DRAM"), 0.005);
    }

    @Test
    void anotherMappingOfTheStride2LayerEqualsTimeloopsDefaultProblemRun() {
        NestResult r = NestAnalysis.evaluate(EyerissLikeFixture.STRIDE2_CONV, EyerissLikeFixture.ARCH,
                EyerissLikeFixture.STRIDE2_DEFAULT_MAPPING);
        assertEquals(150_528L, r.cycles());
        assertEquals(72, r.level("psum_spad").utilizedInstances());
        assertCounts(r, "psum_spad", OUTPUTS, 100_352L * 72, 100_352L * 72, 150_528L * 72);
        assertCounts(r, "weights_spad", WEIGHTS, 150_528L * 72, 96L * 72, 0);
        assertCounts(r, "ifmap_spad", INPUTS, 150_528L * 72, 75_264L * 72, 0);
        assertCounts(r, "shared_glb", INPUTS, 677_376, 156_600, 0);
        assertCounts(r, "shared_glb", OUTPUTS, 802_816, 0, 1_204_224);
        assertCounts(r, "DRAM", WEIGHTS, 6_912, 0, 0);
        assertCounts(r, "DRAM", INPUTS, 156_600, 0, 0);
        assertEquals(Map.of(INPUTS, 19_575L, OUTPUTS, 25_088L), r.level("shared_glb").tileWords());
        // Timeloop: psum energy 5,773,411.12 pJ plus leakage 1,452.29 pJ; weights 10,717,725.06 + 17,254.12
        assertEquals(5_773_411.12 + 1_452.29, r.level("psum_spad").energyPj(), 0.5);
        assertEquals(10_717_725.06 + 17_254.12, r.level("weights_spad").energyPj(), 0.5);
    }

    @Test
    void printsTimeloopsMapNotation() {
        String map = EyerissLikeFixture.VGG_MAPPING.toTimeloopNotation(EyerissLikeFixture.ARCH);
        org.junit.jupiter.api.Assertions.assertTrue(map.startsWith("DRAM [ Weights Inputs Outputs ]\n| for Q in [0:4)\n|   for C in [0:4)"), map);
        org.junit.jupiter.api.Assertions.assertTrue(map.contains("for Q in [0:14) (Spatial-X)"), map);
    }
}
