package org.coex.accel.template.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.cost.NetworkCost;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.Network;
import org.coex.accel.workload.OutputRounding;

class SystolicProperties {

    @Provide
    Arbitrary<Layer> layers() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 40);
        Arbitrary<Integer> kernel = Arbitraries.integers().between(1, 5);
        Arbitrary<Integer> stride = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> groupsLog = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> perGroup = Arbitraries.integers().between(1, 24);
        return Combinators.combine(size, kernel, stride, groupsLog, perGroup, perGroup, Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 2)).as((h, k, s, gl, cin, cout, pad, batch) -> {
                    int g = 1 << gl;
                    int in = Math.max(h, k);
                    return new Layer("l", batch, in, in + 1, g * cin, g * cout, k, k, s, s, Math.min(pad, k - 1), 0, g,
                            OutputRounding.FLOOR);
                });
    }

    @Provide
    Arbitrary<Dataflow> dataflows() { return Arbitraries.of(Dataflow.class); }

    static SystolicAccelerator acc(int rows, int cols, Dataflow df, double kb, double dram) {
        return new SystolicAccelerator(new SystolicParams(rows, cols, df, kb, kb, kb, dram, 1000, 1, false),
                TechnologyTables.preset("accelergy-45nm"));
    }

    @Property(seed = "7")
    void macCountDoesNotDependOnDataflow(@ForAll("layers") Layer l, @ForAll @IntRange(min = 1, max = 48) int rows,
                                         @ForAll @IntRange(min = 1, max = 48) int cols) {
        long os = acc(rows, cols, Dataflow.OS, 64, 0).figures(l).macs();
        assertEquals(os, acc(rows, cols, Dataflow.WS, 64, 0).figures(l).macs());
        assertEquals(os, acc(rows, cols, Dataflow.IS, 64, 0).figures(l).macs());
        assertEquals(l.macs(), os);
    }

    @Property(seed = "7")
    void cyclesAreAtLeastMacsOverPes(@ForAll("layers") Layer l, @ForAll("dataflows") Dataflow df,
                                     @ForAll @IntRange(min = 1, max = 48) int rows, @ForAll @IntRange(min = 1, max = 48) int cols) {
        SystolicLayerFigures f = acc(rows, cols, df, 64, 4).figures(l);
        assertTrue(f.cycles() * rows * cols >= f.macs(), f.toString());
    }

    @Property(seed = "7")
    void utilizationsAreInZeroToHundred(@ForAll("layers") Layer l, @ForAll("dataflows") Dataflow df,
                                        @ForAll @IntRange(min = 1, max = 48) int rows, @ForAll @IntRange(min = 1, max = 48) int cols) {
        SystolicLayerFigures f = acc(rows, cols, df, 64, 4).figures(l);
        for (double u : new double[] {f.overallUtilizationPercent(), f.mappingEfficiencyPercent(), f.computeUtilizationPercent()}) {
            assertTrue(u > 0 && u <= 100 + 1e-9, f.toString());
        }
    }

    @Property(seed = "7")
    void energyAndAreaArePositiveAndEnergyAddsUpOverLayers(@ForAll("layers") Layer a, @ForAll("layers") Layer b,
                                                           @ForAll("dataflows") Dataflow df) {
        SystolicAccelerator acc = acc(16, 8, df, 32, 8);
        NetworkCost n = acc.evaluate(new Network("n", List.of(a, b.withName("m"))));
        LayerCost ca = acc.evaluate(a);
        LayerCost cb = acc.evaluate(b.withName("m"));
        assertTrue(ca.totalEnergyPj() > 0 && cb.totalEnergyPj() > 0);
        assertEquals(ca.totalEnergyPj() + cb.totalEnergyPj(), n.energyPj(), 1e-9 * n.energyPj());
        assertEquals(ca.cycles() + cb.cycles(), n.cycles());
        assertTrue(n.totalAreaUm2() > 0);
        acc.areaUm2().values().forEach(v -> assertTrue(v > 0));
    }

    @Property(seed = "7")
    void moreSramNeverIncreasesDramTraffic(@ForAll("layers") Layer l, @ForAll("dataflows") Dataflow df,
                                           @ForAll @IntRange(min = 1, max = 32) int rows, @ForAll @IntRange(min = 1, max = 32) int cols,
                                           @ForAll @IntRange(min = 0, max = 6) int log2Kb, @ForAll @IntRange(min = 0, max = 2) int which) {
        double small = Math.pow(2, log2Kb) / 16;
        double[] kb = {small, small, small};
        SystolicParams p0 = new SystolicParams(rows, cols, df, kb[0], kb[1], kb[2], 0, 1000, 1, false);
        kb[which] *= 2;
        SystolicParams p1 = new SystolicParams(rows, cols, df, kb[0], kb[1], kb[2], 0, 1000, 1, false);
        var tech = TechnologyTables.preset("accelergy-45nm");
        SystolicLayerFigures f0 = new SystolicAccelerator(p0, tech).figures(l);
        SystolicLayerFigures f1 = new SystolicAccelerator(p1, tech).figures(l);
        assertTrue(f1.dramIfmapReads() <= f0.dramIfmapReads());
        assertTrue(f1.dramFilterReads() <= f0.dramFilterReads());
        assertTrue(f1.dramOfmapWrites() <= f0.dramOfmapWrites());
        assertTrue(f1.dramWords() <= f0.dramWords());
    }

    /**
     * An independent oracle: walk the folds one by one as SCALE-Sim's compute modules do (column
     * fold outer, row fold inner), counting each fold's used rows and columns, and compare with the
     * closed forms.
     */
    @Property(seed = "7")
    void closedFormsEqualAFoldByFoldWalk(@ForAll @IntRange(min = 1, max = 300) int pixels, @ForAll @IntRange(min = 1, max = 300) int window,
                                         @ForAll @IntRange(min = 1, max = 300) int filters, @ForAll("dataflows") Dataflow df,
                                         @ForAll @IntRange(min = 1, max = 40) int rows, @ForAll @IntRange(min = 1, max = 40) int cols) {
        FoldPlan f = FoldPlan.of(df, rows, cols, pixels, window, filters, 1);
        long sr = f.sr(), sc = f.sc(), t = f.t();
        long cycles = 0, ifmap = 0, filter = 0, ofmap = 0, usedPes = 0, folds = 0;
        for (long c = 0; c * cols < sc; c++) {
            for (long r = 0; r * rows < sr; r++) {
                long ur = Math.min(rows, sr - r * rows), uc = Math.min(cols, sc - c * cols);
                folds++;
                usedPes += ur * uc;
                cycles += df == Dataflow.OS ? rows + cols + t - 2 : 2L * rows + cols + t - 2;
                switch (df) {
                    case OS -> { ifmap += t * ur; filter += t * uc; ofmap += ur * uc + rows + cols; }
                    case WS -> { ifmap += t * ur; filter += ur * uc; ofmap += t * uc; }
                    case IS -> { ifmap += ur * uc; filter += t * ur; ofmap += t * uc; }
                }
            }
        }
        assertEquals(folds, f.folds());
        assertEquals(cycles, f.computeCycles());
        assertEquals(ifmap, f.ifmapSramReads());
        assertEquals(filter, f.filterSramReads());
        assertEquals(ofmap, f.ofmapSramWrites());
        assertEquals((double) usedPes / (rows * cols * folds), f.mappingEfficiency(), 1e-12);
    }

    @Property(seed = "7")
    void bothPythonSummationsAgreeToWithinRounding(@ForAll @IntRange(min = 1, max = 500) int pixels,
                                                   @ForAll @IntRange(min = 1, max = 500) int window, @ForAll("dataflows") Dataflow df,
                                                   @ForAll @IntRange(min = 1, max = 33) int rows) {
        FoldPlan f = FoldPlan.of(df, rows, rows + 3, pixels, window, 17, 1);
        double a = ScaleSimArithmetic.computeUtilizationPercent(f, PythonSum.SEQUENTIAL);
        double b = ScaleSimArithmetic.computeUtilizationPercent(f, PythonSum.NEUMAIER);
        assertEquals(100 * f.computeUtilization(), b, 1e-9);
        assertEquals(a, b, 1e-9);
    }
}
