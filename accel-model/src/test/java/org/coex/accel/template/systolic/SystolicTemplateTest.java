package org.coex.accel.template.systolic;

import static org.coex.accel.template.systolic.SystolicFixtures.array;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coex.accel.cost.LayerCost;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.Templates;
import org.coex.accel.workload.Layer;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived cases on a non-square 4-row x 3-column array. GEMM M=10, N=7, K=5: P=10 pixels,
 * window Wn=5, K=7 filters.
 */
class SystolicTemplateTest {
    static final Layer GEMM = Layer.gemm("g", 10, 7, 5);

    @Test
    void outputStationaryOnNonSquareArray() {
        // OS: Sr=P=10, Sc=K=7, T=Wn=5; rf=ceil(10/4)=3, cf=ceil(7/3)=3: 9 folds of R+C+T-2 = 10 cycles
        SystolicLayerFigures f = array(4, 3, Dataflow.OS).figures(GEMM);
        assertEquals(90, f.computeCycles());
        assertEquals(3 * 10 * 5, f.ifmapSramReads());           // cf*Sr*T = 150
        assertEquals(3 * 5 * 7, f.filterSramReads());           // rf*T*Sc = 105
        assertEquals(70 + 9 * (4 + 3), f.ofmapSramWrites());    // Sr*Sc + folds*(R+C) = 133
        assertEquals(100.0 * 70 / (9 * 12), f.mappingEfficiencyPercent(), 1e-12);  // 70 used PE-folds of 108
    }

    @Test
    void weightStationaryOnNonSquareArray() {
        // WS: Sr=Wn=5, Sc=K=7, T=P=10; rf=2, cf=3: 6 folds of 2R+C+T-2 = 19 cycles
        SystolicLayerFigures f = array(4, 3, Dataflow.WS).figures(GEMM);
        assertEquals(114, f.computeCycles());
        assertEquals(3 * 10 * 5, f.ifmapSramReads());   // cf*T*Sr = 150
        assertEquals(5 * 7, f.filterSramReads());       // Sr*Sc = 35
        assertEquals(2 * 10 * 7, f.ofmapSramWrites());  // rf*T*Sc = 140
        // compute util: sum over folds of used*T / (R*C*(2R+2C+T-3)) / folds = 35*10 / (12*21*6)
        assertEquals(100.0 * 350 / (12 * 21 * 6), f.computeUtilizationPercent(), 1e-12);
    }

    @Test
    void inputStationaryOnNonSquareArray() {
        // IS: Sr=Wn=5, Sc=P=10, T=K=7; rf=2, cf=4: 8 folds of 2R+C+T-2 = 16 cycles
        SystolicLayerFigures f = array(4, 3, Dataflow.IS).figures(GEMM);
        assertEquals(128, f.computeCycles());
        assertEquals(5 * 10, f.ifmapSramReads());        // Sr*Sc = 50
        assertEquals(4 * 7 * 5, f.filterSramReads());    // cf*T*Sr = 140
        assertEquals(2 * 10 * 7, f.ofmapSramWrites());   // rf*Sc*T = 140
    }

    @Test
    void compatibilityModeReportsTheIndexOfTheLastCycle() {
        for (Dataflow df : Dataflow.values()) {
            long native_ = array(4, 3, df, 64, 64, 64, 0, false).figures(GEMM).computeCycles();
            long compat = array(4, 3, df, 64, 64, 64, 0, true).figures(GEMM).computeCycles();
            assertEquals(native_ - 1, compat, df.key());
        }
    }

    @Test
    void operandsThatFitAreFetchedFromDramOnce() {
        SystolicLayerFigures f = array(4, 3, Dataflow.WS).figures(GEMM);
        assertEquals(10 * 5, f.dramIfmapReads());    // M*K
        assertEquals(5 * 7, f.dramFilterReads());    // K*N
        assertEquals(10 * 7, f.dramOfmapWrites());   // M*N
        assertEquals(0, f.dramPsumReads());
    }

    @Test
    void anIfmapLargerThanItsSramIsRefetchedOnEveryColumnFold() {
        // WS on 8x8, GEMM M=100, N=64, K=40: Sr=40, Sc=64, T=100; rf=5, cf=8. Input 4000 words, SRAM 1024:
        // 4000 + (8-1)*(4000-1024) = 24,832
        SystolicLayerFigures f = array(8, 8, Dataflow.WS, 1, 64, 1, 0, false).figures(Layer.gemm("g", 100, 64, 40));
        assertEquals(24_832, f.dramIfmapReads());
        assertEquals(2560, f.dramFilterReads());
        assertEquals(6400, f.dramOfmapWrites());   // partial sums of a column fold, 100*8 = 800 <= 1024 words
    }

    @Test
    void partialSumsThatDoNotFitSpillToDramAndComeBack() {
        // as above with a 0.5 kB (512-word) ofmap SRAM: spill = cf*(rf-1)*(800-512) = 8*4*288 = 9,216
        SystolicLayerFigures f = array(8, 8, Dataflow.WS, 1, 64, 0.5, 0, false).figures(Layer.gemm("g", 100, 64, 40));
        assertEquals(6400 + 9216, f.dramOfmapWrites());
        assertEquals(9216, f.dramPsumReads());
    }

    @Test
    void finiteDramBandwidthAddsStallCyclesByRoofline() {
        Layer l = Layer.gemm("g", 100, 64, 40);
        SystolicLayerFigures free = array(8, 8, Dataflow.WS, 1, 64, 1, 0, false).figures(l);
        SystolicLayerFigures slow = array(8, 8, Dataflow.WS, 1, 64, 1, 1, false).figures(l);
        assertEquals(0, free.stallCycles());
        // DRAM words 24,832 + 2,560 + 6,400 = 33,792 at 1 word/cycle; compute 40 folds of 2*8+8+100-2 = 122 -> 4,880
        assertEquals(4880, slow.computeCycles());
        assertEquals(33_792 - 4880, slow.stallCycles());
    }

    @Test
    void depthwiseGroupsShareWeightStationaryFoldsOnTheDiagonal() {
        Layer dw = Layer.depthwise("dw", 8, 8, 16, 3, 1, 1);
        // per group Wn=9, K=1, T=64: min(32/9, 32/1) = 3 groups per fold -> ceil(16/3) = 6 folds of 2*32+32+64-2 = 158
        assertEquals(6 * 158, array(32, 32, Dataflow.WS).figures(dw).computeCycles());
        // SCALE-Sim splits the 16 channels into 16 layers of 158 cycles, each reported as its last index
        assertEquals(16 * 158 - 16, array(32, 32, Dataflow.WS, 64, 64, 64, 0, true).figures(dw).computeCycles());
        // OS cannot share folds between groups: 16 groups one after another, each 64 pixels = 2 row folds
        assertEquals(16 * 2 * (32 + 32 + 9 - 2), array(32, 32, Dataflow.OS).figures(dw).computeCycles());
    }

    @Test
    void batchScalesTheStreamedDimension() {
        Layer l = Layer.conv("c", 14, 14, 32, 64, 3, 1, 1);
        SystolicLayerFigures one = array(16, 16, Dataflow.WS).figures(l);
        SystolicLayerFigures eight = array(16, 16, Dataflow.WS).figures(l.withBatch(8));
        assertEquals(8 * one.macs(), eight.macs());
        assertEquals(8 * one.ifmapSramReads(), eight.ifmapSramReads());   // T = batch * pixels
        assertEquals(one.filterSramReads(), eight.filterSramReads());     // weights loaded once per fold
    }

    @Test
    void paddingIsComputedButNotFetched() {
        Layer padded = Layer.conv("p", 8, 8, 4, 4, 3, 1, 1);   // 8x8 output
        SystolicLayerFigures f = array(8, 8, Dataflow.OS).figures(padded);
        assertEquals(64L * 4 * 36, f.macs());
        assertEquals(8 * 8 * 4, f.dramIfmapReads());   // the zeros of the padding are not in DRAM
    }

    @Test
    void energyIsTheSumOfActionsTimesTheirEnergies() {
        SystolicAccelerator acc = new SystolicAccelerator(new SystolicParams(4, 3, Dataflow.WS, 1, 1, 1, 0, 1000, 1, false),
                SystolicFixtures.unitTable());
        LayerCost c = acc.evaluate(GEMM);
        SystolicLayerFigures f = acc.figures(GEMM);
        assertEquals(350, c.energyPj().get("mac"));               // 10*7*5 MACs at 1 pJ
        assertEquals(3 * 350, c.energyPj().get("array"));          // three register accesses per MAC
        assertEquals(f.ifmapSramReads() + f.dramIfmapReads(), c.energyPj().get("ifmap_sram"));
        assertEquals(f.dramWords(), c.energyPj().get("dram"));
        assertEquals(4 * 3 * (1 + 3), acc.areaUm2().get("mac_array"));  // 12 PEs, a MAC and 3 registers each
        assertEquals(1024, acc.areaUm2().get("ifmap_sram"), 1e-9);       // 1 kB at 1 um^2 per byte
    }

    @Test
    void templateIsFoundByNameAndRejectsUnknownParameters() {
        var t = Templates.byName("systolic").orElseThrow();
        var tech = TechnologyTables.preset("accelergy-45nm");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("rowz", 4), tech));
        assertTrue(e.getMessage().startsWith("unknown parameter 'rowz' of template 'systolic'; did you mean 'rows'? parameters: rows, cols"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("dataflow", "rs"), tech));
        assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("rows", 0), tech));
        assertEquals(9600, t.defaultSpace().size());
    }
}
