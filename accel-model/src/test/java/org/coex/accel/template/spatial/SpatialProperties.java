package org.coex.accel.template.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.mapping.MappingSearch;
import org.coex.accel.nest.Accesses;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.MappingChecks;
import org.coex.accel.nest.NestAnalysis;
import org.coex.accel.nest.NestResult;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.workload.Layer;

class SpatialProperties {

    static SpatialAccelerator acc(Object... settings) {
        return new SpatialTemplate().configure(HwConfig.of(settings), TechnologyTables.preset("accelergy-65nm"));
    }

    static Layer layer(int hw, int c, int k, int kernel, int stride) {
        return Layer.conv("l", Math.max(hw, kernel), Math.max(hw, kernel), c, k, kernel, stride, kernel / 2);
    }

    @Property(tries = 60, seed = "3")
    void everyReportedMappingFitsItsBuffersAndConservesMacs(@ForAll @IntRange(min = 4, max = 30) int hw,
                                                            @ForAll @IntRange(min = 1, max = 48) int c,
                                                            @ForAll @IntRange(min = 1, max = 48) int k,
                                                            @ForAll @IntRange(min = 1, max = 5) int kernel,
                                                            @ForAll @IntRange(min = 1, max = 2) int stride,
                                                            @ForAll @IntRange(min = 0, max = 2) int df) {
        SpatialAccelerator a = acc("dataflow", SpatialDataflow.values()[df].key(), "glb_kb", 16);
        Layer l = layer(hw, c, k, kernel, stride);
        MappingSearch.Result r = a.mapping(l);
        assertTrue(MappingChecks.problems(ConvProblem.of(l), a.architecture(), r.mapping()).isEmpty());
        assertEquals(l.macs(), r.cost().computes());
        LayerCost cost = a.evaluate(l);
        assertTrue(cost.utilization() > 0 && cost.utilization() <= 1 + 1e-12, cost.toString());
    }

    /** For a fixed mapping, a larger register file changes no count (and the mapping stays legal). */
    @Property(tries = 40, seed = "3")
    void aLargerRegisterFileNeverRaisesRegisterFileMisses(@ForAll @IntRange(min = 4, max = 20) int hw,
                                                          @ForAll @IntRange(min = 1, max = 32) int c,
                                                          @ForAll @IntRange(min = 1, max = 32) int k,
                                                          @ForAll @IntRange(min = 0, max = 2) int df) {
        Layer l = layer(hw, c, k, 3, 1);
        String flow = SpatialDataflow.values()[df].key();
        SpatialAccelerator small = acc("dataflow", flow, "weights_rf_bytes", 64, "ifmap_rf_bytes", 12, "psum_rf_bytes", 16);
        SpatialAccelerator large = acc("dataflow", flow, "weights_rf_bytes", 512, "ifmap_rf_bytes", 48, "psum_rf_bytes", 64);
        MappingSearch.Result r = small.mapping(l);
        NestResult sameMappingLarger = NestAnalysis.evaluate(ConvProblem.of(l), large.architecture(), r.mapping());
        for (int i = 0; i < 3; i++) {
            for (DataSpace ds : DataSpace.values()) {
                Accesses a = r.cost().levels().get(i).accesses().get(ds);
                Accesses b = sameMappingLarger.levels().get(i).accesses().get(ds);
                if (a != null) assertTrue(b.fills() <= a.fills());
            }
        }
        // and the search, free to use the room, finds a mapping no worse in its metric
        assertTrue(large.mapping(l).cost().energyPj() * large.mapping(l).cost().cycles()
                <= 1.0000001 * sameMappingLarger.energyPj() * sameMappingLarger.cycles());
    }

    @Property(tries = 40, seed = "3")
    void energyGrowsWithDramTraffic(@ForAll @IntRange(min = 4, max = 20) int hw, @ForAll @IntRange(min = 1, max = 32) int c,
                                    @ForAll @IntRange(min = 1, max = 32) int k) {
        Layer l = layer(hw, c, k, 3, 1);
        SpatialAccelerator a = acc("dataflow", "rs");
        MappingSearch.Result r = a.mapping(l);
        NestResult base = r.cost();
        // the same mapping with every DRAM access twice as dear costs more, by exactly the DRAM energy
        double dram = base.levels().get(4).energyPj();
        assertTrue(dram > 0);
        var arch = a.architecture();
        var lv = arch.levels().get(4);
        var dearer = new org.coex.accel.nest.StorageLevel(lv.name(), lv.instances(), lv.meshX(), lv.wordBits(), lv.blockWords(),
                lv.sizeWords(), lv.readBandwidth(), lv.writeBandwidth(), 2 * lv.readPj(), 2 * lv.writePj(), 2 * lv.updatePj(),
                lv.leakPj(), lv.areaUm2(), false);
        var levels = new java.util.ArrayList<>(arch.levels());
        levels.set(4, dearer);
        var arch2 = new org.coex.accel.nest.Architecture(arch.macName(), arch.macInstances(), arch.macPj(), arch.macAreaUm2(), levels);
        assertEquals(base.energyPj() + dram, NestAnalysis.evaluate(ConvProblem.of(l), arch2, r.mapping()).energyPj(), 1e-6 * base.energyPj());
    }
}
