package org.coex.evaluator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.evaluator.TinyCubes;
import org.coex.evaluator.cube.CostCube;
import org.coex.nas.space.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class CostDatasetTest {
    static final SpatialTemplate SPATIAL = new SpatialTemplate();
    static final DesignSpace DS = DesignSpace.of(Parameter.of("pe_rows", 4, 8), Parameter.of("pe_cols", 6, 14), Parameter.of("dataflow", "ws", "rs"));
    static final CostCube CUBE = TinyCubes.cube(SPATIAL, DS);

    @TempDir Path dir;

    @Test
    void oneHotSamplesCarryAccelModelsFiguresForTheirArchitectureAndConfiguration() throws IOException {
        var limits = List.of(new HardLimit(Metrics.Name.AREA, 1.0));
        CostDataset d = CostDataset.generate(CUBE, 5000, 4, Objective.of(Metrics.Name.LATENCY), limits, ProgressListener.NONE);
        DatasetFiles.write(d, dir);
        INDArray arch = DatasetFiles.array(dir, "arch");
        INDArray config = DatasetFiles.array(dir, "config");
        INDArray metrics = DatasetFiles.array(dir, "metrics");
        INDArray best = DatasetFiles.array(dir, "best_config");
        INDArray bestMetrics = DatasetFiles.array(dir, "best_metrics");
        assertArrayEquals(new long[] {5000, TinyCubes.SPACE.encoding().length()}, arch.shape());
        assertArrayEquals(new long[] {5000, 3}, config.shape());
        int checked = 0;
        for (int i = 0; i < 5000 && checked < 12; i += 3) {   // kind 0: one-hot
            double[] p = arch.getRow(i).toDoubleVector();
            Architecture a = TinyCubes.SPACE.encoding().argmax(p);
            var acc = SPATIAL.configure(DS.point(config.getRow(i).toIntVector()), TechnologyTables.preset(TechnologyTables.DEFAULT));
            Metrics want = acc.evaluate(a.toNetwork(TinyCubes.SPACE)).metrics();
            assertEquals(want.latencyMs(), metrics.getDouble(i, 0), 1e-12 * want.latencyMs(), "sample " + i);
            assertEquals(want.energyUj(), metrics.getDouble(i, 1), 1e-12 * want.energyUj(), "sample " + i);
            assertEquals(want.areaMm2(), metrics.getDouble(i, 2), 1e-12 * want.areaMm2(), "sample " + i);
            // the optimum is at least as fast as the sampled configuration whenever that one meets the area limit
            if (want.areaMm2() <= 1.0) assertTrue(bestMetrics.getDouble(i, 0) <= want.latencyMs() * (1 + 1e-12), "sample " + i);
            var bestAcc = SPATIAL.configure(DS.point(best.getRow(i).toIntVector()), TechnologyTables.preset(TechnologyTables.DEFAULT));
            assertEquals(bestAcc.evaluate(a.toNetwork(TinyCubes.SPACE)).metrics().latencyMs(), bestMetrics.getDouble(i, 0), 1e-12 * want.latencyMs());
            checked++;
        }
        assertEquals(12, checked);
        int[] kinds = DatasetFiles.array(dir, "kind").toIntVector();
        assertEquals(1666, java.util.Arrays.stream(kinds).filter(k -> k == 2).count());
        double[] rowSums = arch.sum(1).toDoubleVector();
        for (double s : rowSums) assertEquals(TinyCubes.SPACE.layers().size(), s, 1e-4);   // each layer's block sums to 1
    }

    @Test
    void inAWidthSpaceTheLabelsAreAccelModelsFiguresOfTheChosenWidths() {
        CostCube cube = TinyCubes.cube(TinyCubes.WIDTHS, SPATIAL, DS);
        CostDataset d = CostDataset.generate(cube, 300, 5, Objective.of(Metrics.Name.ENERGY), List.of(), ProgressListener.NONE);
        var e = TinyCubes.WIDTHS.encoding();
        assertEquals(e.length(), d.arch()[0].length);
        java.util.Set<java.util.List<Integer>> widthsSeen = new java.util.HashSet<>();
        for (int i = 0; i < 300; i += 3) {   // kind 0: one-hot, widths included
            double[] p = new double[e.length()];
            for (int k = 0; k < p.length; k++) p[k] = d.arch()[i][k];
            Architecture a = e.argmax(p);
            widthsSeen.add(a.widths());
            var acc = SPATIAL.configure(DS.point(d.config()[i]), TechnologyTables.preset(TechnologyTables.DEFAULT));
            Metrics want = acc.evaluate(a.toNetwork(TinyCubes.WIDTHS)).metrics();
            assertEquals(want.energyUj(), d.metrics()[i][1], 1e-12 * want.energyUj(), "sample " + i);
        }
        assertEquals(4, widthsSeen.size(), "every combination of the two stages' widths is drawn");
    }

    @Test
    void theSameSeedGivesTheSameDataset() {
        var o = Objective.of(Metrics.Name.ENERGY);
        CostDataset a = CostDataset.generate(CUBE, 3000, 9, o, List.of(), ProgressListener.NONE);
        CostDataset b = CostDataset.generate(CUBE, 3000, 9, o, List.of(), ProgressListener.NONE);
        CostDataset c = CostDataset.generate(CUBE, 3000, 10, o, List.of(), ProgressListener.NONE);
        assertTrue(java.util.Arrays.deepEquals(a.arch(), b.arch()));
        assertArrayEquals(a.config(), b.config());
        assertArrayEquals(a.bestConfig(), b.bestConfig());
        assertTrue(!java.util.Arrays.deepEquals(a.arch(), c.arch()));
    }

    @Test
    void numpyReadsTheArrays() throws Exception {
        CostDataset d = CostDataset.generate(CUBE, 100, 1, Objective.of(Metrics.Name.LATENCY), List.of(), ProgressListener.NONE);
        DatasetFiles.write(d, dir);
        String script = "import numpy as np, sys\n"
                + "d = sys.argv[1]\n"
                + "for n in ['arch', 'kind', 'config', 'metrics', 'best_config', 'best_metrics', 'best_feasible']:\n"
                + "    a = np.load(d + '/' + n + '.npy')\n"
                + "    print(n, a.dtype, a.shape)\n"
                + "print('m00', float(np.load(d + '/metrics.npy')[0, 0]).hex())\n";
        Process p = new ProcessBuilder("python3", "-c", script, dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("arch float32 (100, " + TinyCubes.SPACE.encoding().length() + ")"), out);
        assertTrue(out.contains("config int32 (100, 3)"), out);
        assertTrue(out.contains("metrics float64 (100, 3)"), out);
        assertTrue(out.contains("m00 " + Double.toHexString(d.metrics()[0][0])), out);   // bit for bit
    }

}
