package org.coex.accel.template.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.mapping.MappingSearch;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;
import org.coex.accel.nest.LevelMapping;
import org.coex.accel.nest.Loop;
import org.coex.accel.nest.MappingChecks;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.Templates;
import org.coex.accel.workload.Layer;
import org.junit.jupiter.api.Test;

class SpatialTemplateTest {
    static final Layer CONV = Layer.conv("c", 28, 28, 64, 128, 3, 1, 1);

    static SpatialAccelerator acc(Object... settings) {
        return new SpatialTemplate().configure(HwConfig.of(settings), TechnologyTables.preset("accelergy-65nm"));
    }

    @Test
    void eachDataflowKeepsWhatItsDefinitionSaysAndSpreadsOnlyItsDimensions() {
        record Rule(SpatialDataflow df, Set<DataSpace> rfKeeps, Set<Dim> x, Set<Dim> y) {}
        for (Rule rule : new Rule[] {
            new Rule(SpatialDataflow.WS, Set.of(DataSpace.WEIGHTS), Set.of(Dim.K), Set.of(Dim.C, Dim.R, Dim.S)),
            new Rule(SpatialDataflow.OS, Set.of(DataSpace.OUTPUTS), Set.of(Dim.Q, Dim.K), Set.of(Dim.P, Dim.K)),
            new Rule(SpatialDataflow.RS, Set.of(DataSpace.WEIGHTS, DataSpace.INPUTS, DataSpace.OUTPUTS), Set.of(Dim.Q, Dim.K),
                    Set.of(Dim.S, Dim.C, Dim.K))}) {
            MappingSearch.Result r = acc("dataflow", rule.df().key()).mapping(CONV);
            java.util.Set<DataSpace> kept = java.util.EnumSet.noneOf(DataSpace.class);
            for (int i = 0; i < 3; i++) kept.addAll(r.mapping().levels().get(i).keep());
            assertEquals(rule.rfKeeps(), kept, rule.df().key());
            LevelMapping glb = r.mapping().levels().get(3);
            for (Loop l : glb.spatial()) {
                assertTrue((l.kind() == Loop.Kind.SPATIAL_X ? rule.x() : rule.y()).contains(l.dim()), rule.df().key() + " " + l);
            }
        }
    }

    @Test
    void reportedMappingsFitTheirBuffersAndConserveMacs() {
        for (SpatialDataflow df : SpatialDataflow.values()) {
            SpatialAccelerator a = acc("dataflow", df.key(), "glb_kb", 32, "weights_rf_bytes", 64);
            MappingSearch.Result r = a.mapping(CONV);
            assertTrue(MappingChecks.problems(ConvProblem.of(CONV), a.architecture(), r.mapping()).isEmpty(), df.key());
            LayerCost c = a.evaluate(CONV);
            assertEquals(CONV.macs(), c.macs());
            assertEquals(CONV.macs(), r.cost().computes());
            assertTrue(c.cycles() * 12 * 14 >= c.macs());
        }
    }

    @Test
    void groupedLayersRunTheirGroupsOneAfterAnother() {
        Layer dw = Layer.depthwise("dw", 28, 28, 32, 3, 1, 1);
        SpatialAccelerator a = acc();
        LayerCost all = a.evaluate(dw);
        assertEquals(32 * a.mapping(dw).cost().cycles(), all.cycles());   // 32 channels, one group each
        assertEquals(dw.macs(), all.macs());
    }

    @Test
    void theReferenceLayerOnEyerissSizedHardwareUsesEveryPe() {
        Layer vgg = Layer.conv("vgg", 56, 56, 128, 256, 3, 1, 1);
        LayerCost c = acc("dram_words_per_cycle", 0).evaluate(vgg);
        assertEquals(924_844_032L, c.macs());
        assertEquals(5_505_024L, c.cycles());   // 924,844,032 / 168 PEs: every PE busy every cycle, as Timeloop's mapping
    }

    @Test
    void theEyerissNormalizedPresetChargesTheArrayNetwork() {
        SpatialAccelerator normalized = new SpatialTemplate().configure(HwConfig.of(), TechnologyTables.preset("eyeriss-65nm-normalized"));
        LayerCost c = normalized.evaluate(CONV);
        var glb = normalized.mapping(CONV).cost().levels().get(3).accesses();
        double mac = TechnologyTables.preset("eyeriss-65nm-normalized").macPj(16);
        // 2 MACs per 16-bit word, i.e. 1 MAC per 8-bit input word; outputs are 16-bit partial sums
        assertEquals((glb.get(DataSpace.INPUTS).reads()) * mac, c.energyPj().get("array.inputs"), 1e-6);
        assertEquals((glb.get(DataSpace.OUTPUTS).reads() + glb.get(DataSpace.OUTPUTS).updates()) * 2 * mac,
                c.energyPj().get("array.outputs"), 1e-6);
        assertTrue(!acc().evaluate(CONV).energyPj().containsKey("array.inputs"));   // Accelergy publishes no array energy
    }

    @Test
    void impossibleBuffersAndUnknownParametersAreNamed() {
        var t = Templates.byName("spatial").orElseThrow();
        var tech = TechnologyTables.preset("accelergy-65nm");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("psum_rf_bytes", 1), tech));
        assertTrue(e.getMessage().startsWith("psum_rf_bytes must hold at least one 16-bit partial sum"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("dataflow", "nlr"), tech));
        assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("glb_kb", 0), tech));
        e = assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("pe_row", 4), tech));
        assertTrue(e.getMessage().startsWith("unknown parameter 'pe_row' of template 'spatial'; did you mean 'pe_rows'?"), e.getMessage());
    }

    @Test
    void loopsInsideThePesMustStillFitTheGlobalBuffer() {
        // ResNet's 7x7 stride-2 stem under WS with a 64 kB buffer: pixels iterated inside the PEs grow
        // the buffer's tile, so the search has to keep them small enough; a mapping exists
        Layer stem = Layer.conv("conv1", 224, 224, 3, 64, 7, 2, 3);
        SpatialAccelerator ws = acc("dataflow", "ws", "glb_kb", 64, "pe_rows", 8, "pe_cols", 8);
        assertTrue(MappingChecks.problems(ConvProblem.of(stem), ws.architecture(), ws.mapping(stem).mapping()).isEmpty());
    }

    @Test
    void aLayerWithNoLegalMappingIsRefusedWithItsName() {
        // a 1-byte global buffer cannot hold even one input and one output word
        SpatialAccelerator tiny = acc("glb_kb", 0.001, "dataflow", "rs");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiny.evaluate(CONV));
        assertTrue(e.getMessage().startsWith("no legal mapping of c fits the buffers"), e.getMessage());
    }
}
