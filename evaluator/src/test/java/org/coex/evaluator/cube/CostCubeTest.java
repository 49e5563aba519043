package org.coex.evaluator.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.evaluator.TinyCubes;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.junit.jupiter.api.Test;

class CostCubeTest {
    static final SearchSpace TINY = TinyCubes.SPACE;

    static CostCube cube(AcceleratorTemplate t, DesignSpace ds) { return TinyCubes.cube(t, ds); }

    @Test
    void anArchitectureCostsOnTheCubeWhatAccelModelSaysOfItsNetwork() {
        DesignSpace systolic = DesignSpace.of(Parameter.of("rows", 4, 8), Parameter.of("cols", 8, 16), Parameter.of("dataflow", "os", "ws", "is"),
                Parameter.of("ifmap_sram_kb", 1, 64));
        DesignSpace spatial = DesignSpace.of(Parameter.of("pe_rows", 4, 8), Parameter.of("pe_cols", 6, 14), Parameter.of("dataflow", "ws", "os", "rs"));
        for (var t : List.of(new SystolicTemplate(), new SpatialTemplate())) {
            DesignSpace ds = t instanceof SystolicTemplate ? systolic : spatial;
            CostCube cube = cube(t, ds);
            assertEquals((int) ds.size(), cube.configCount());
            SplittableRandom r = new SplittableRandom(7);
            for (int trial = 0; trial < 20; trial++) {
                Architecture a = random(r);
                int c = r.nextInt(cube.configCount());
                Metrics want = t.configure(ds.point(c), TechnologyTables.preset(TechnologyTables.DEFAULT)).evaluate(a.toNetwork(TINY)).metrics();
                Metrics got = cube.metrics(c, a);
                String what = t.name() + " " + ds.point(c) + " " + a.choices();
                assertEquals(want.latencyMs(), got.latencyMs(), 1e-12 * want.latencyMs(), what);
                assertEquals(want.energyUj(), got.energyUj(), 1e-12 * want.energyUj(), what);
                assertEquals(want.areaMm2(), got.areaMm2(), 1e-12 * want.areaMm2(), what);
            }
        }
    }

    @Test
    void theCostOfAMixtureIsTheMixtureOfTheCosts() {
        CostCube cube = cube(new SystolicTemplate(), DesignSpace.of(Parameter.of("rows", 8, 16)));
        Architecture a = new Architecture(List.of(0, 1, 2, 3));
        Architecture b = new Architecture(List.of(4, 3, 4, 0));
        double[] pa = TINY.encoding().oneHot(a);
        double[] pb = TINY.encoding().oneHot(b);
        double[] mix = new double[pa.length];
        for (int k = 0; k < mix.length; k++) mix[k] = 0.3 * pa[k] + 0.7 * pb[k];
        for (int c = 0; c < 2; c++) {
            assertEquals(0.3 * cube.metrics(c, a).latencyMs() + 0.7 * cube.metrics(c, b).latencyMs(), cube.metrics(c, mix).latencyMs(), 1e-12);
            assertEquals(0.3 * cube.metrics(c, a).energyUj() + 0.7 * cube.metrics(c, b).energyUj(), cube.metrics(c, mix).energyUj(), 1e-12);
        }
    }

    @Test
    void aDesignSpaceTooLargeToEnumerateIsRefused() {
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < 6; i++) ps.add(new Parameter("p" + i, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
        var e = assertThrows(IllegalArgumentException.class, () -> cube(new SystolicTemplate(), new DesignSpace(ps)));
        assertEquals(true, e.getMessage().contains("1000000 configurations"), e.getMessage());
    }

    static Architecture random(SplittableRandom r) {
        List<Integer> c = new ArrayList<>();
        for (var l : TINY.layers()) c.add(r.nextInt(l.candidates().size()));
        return new Architecture(c);
    }
}
