package org.coex.accel.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.template.systolic.Dataflow;
import org.coex.accel.template.systolic.PythonSum;
import org.coex.accel.template.systolic.SystolicLayerFigures;
import org.coex.accel.workload.Layer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The golden numbers of shared/reference/scalesim/README.md, from real SCALE-Sim v2 runs. */
class ScaleSimGoldenTest {

    static Path resource(String name) {
        try {
            return Path.of(ScaleSimGoldenTest.class.getResource("/scalesim/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScaleSimConfig scaleCfg(Dataflow df, int rows, int cols) {
        ScaleSimConfig c = ScaleSimConfigs.read(resource("configs/scale.cfg"));
        return new ScaleSimConfig(c.runName(), rows, cols, c.ifmapSramKb(), c.filterSramKb(), c.ofmapSramKb(), df, 0);
    }

    /** The README's run printed these under CPython 3.12+ (compensated sum()). */
    @Test
    void alexNetConv1WeightStationaryMatchesScaleSim() {
        ScaleSimTopology t = ScaleSimTopologies.read(resource("topologies/alexnet_part.csv"), false);
        SystolicLayerFigures f = ScaleSim.evaluate(scaleCfg(Dataflow.WS, 32, 32), t.layers(), PythonSum.NEUMAIER).get(0);
        assertEquals(112283, f.cycles());
        assertEquals(0, f.stallCycles());
        assertEquals("91.68309650614964", PythonFloats.repr(f.overallUtilizationPercent()));
        assertEquals("94.53125", PythonFloats.repr(f.mappingEfficiencyPercent()));
        assertEquals("90.78000992063492", PythonFloats.repr(f.computeUtilizationPercent()));
        assertEquals(3294225, f.ifmapSramReads());
        assertEquals(34848, f.filterSramReads());
        assertEquals(3484800, f.ofmapSramWrites());
    }

    /** The README's GEMM table was printed under CPython 3.11 or older (left-to-right sum()). */
    @ParameterizedTest
    @CsvSource({
        "os, 10175, 80.50314465408805, 262144, 262144, 34816",
        "ws, 11199, 67.19160104986877, 262144, 32768, 262144",
        "is, 14207, 50.59288537549411, 65536, 262144, 262144"})
    void gemm256x128x256On32x32MatchesScaleSim(String df, long cycles, String computeUtil, long ifmap, long filter, long ofmap) {
        List<Layer> layers = ScaleSimTopologies.parse("gemm.csv", "gemm", List.of("Layer,M,N,K,", "g,256,128,256,"), true).layers();
        SystolicLayerFigures f = ScaleSim.evaluate(scaleCfg(Dataflow.parse(df).orElseThrow(), 32, 32), layers, PythonSum.SEQUENTIAL).get(0);
        assertEquals(cycles, f.cycles());
        assertEquals(computeUtil, PythonFloats.repr(f.computeUtilizationPercent()));
        assertEquals(ifmap, f.ifmapSramReads());
        assertEquals(filter, f.filterSramReads());
        assertEquals(ofmap, f.ofmapSramWrites());
    }

    @ParameterizedTest
    @CsvSource({"4, 9", "8, 21", "32, 93"})
    void squareMatrixProductOnSquareArrayTakes3NMinus3Cycles(int n, long cycles) {
        List<Layer> layers = ScaleSimTopologies.parse("g.csv", "g", List.of("h", "g," + n + "," + n + "," + n + ","), true).layers();
        assertEquals(cycles, ScaleSim.evaluate(scaleCfg(Dataflow.OS, n, n), layers, PythonSum.NEUMAIER).get(0).cycles());
    }
}
