package org.coex.evaluator.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.evaluator.TinyCubes;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.data.ArchSampler;
import org.coex.evaluator.data.OptimalConfigs;
import org.coex.evaluator.data.Optima;
import org.coex.nas.space.Architecture;
import org.junit.jupiter.api.Test;

class AnalyticEvaluatorTest {
    static final DesignSpace DS = DesignSpace.of(Parameter.of("rows", 4, 8, 16), Parameter.of("cols", 4, 8, 16), Parameter.of("dataflow", "os", "ws", "is"));
    static final CostCube CUBE = TinyCubes.cube(new SystolicTemplate(), DS);

    static double[][] samples(int n, long seed) {
        ArchSampler s = new ArchSampler(TinyCubes.SPACE.encoding(), new Well19937c(seed));
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) p[i] = s.draw(ArchSampler.Kind.values()[i % 3]);
        return p;
    }

    static float[] flat(double[][] p) {
        float[] f = new float[p.length * p[0].length];
        for (int i = 0; i < p.length; i++) for (int k = 0; k < p[i].length; k++) f[i * p[i].length + k] = (float) p[i][k];
        return f;
    }

    @Test
    void onAFixedConfigurationTheMetricsAreTheCubesAndTheGradientIsTheCostRow() {
        double[][] p = samples(6, 1);
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 13); NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(flat(p), new Shape(p.length, p[0].length));
            x.setRequiresGradient(true);
            Evaluator.Prediction out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = ev.forward(x);
                gc.backward(out.latencyMs().sum());
            }
            float[] lat = out.latencyMs().toFloatArray();
            float[] area = out.areaMm2().toFloatArray();
            for (int i = 0; i < p.length; i++) {
                Metrics want = CUBE.metrics(13, p[i]);
                assertEquals(want.latencyMs(), lat[i], 1e-5 * want.latencyMs());
                assertEquals(want.areaMm2(), area[i], 1e-5 * want.areaMm2());
            }
            float[] grad = x.getGradient().toFloatArray();
            double[] row = CUBE.row(13).latencyRow();
            for (int k = 0; k < row.length; k++) assertEquals(row[k], grad[k], 1e-5 * Math.abs(row[k]) + 1e-9, "d latency / d p_" + k);
            // rows 4, 8, 16 x cols 4, 8, 16 x 3 dataflows: configuration 13 is rows 8, cols 8, ws
            assertArrayEquals(new float[] {0, 1, 0, 0, 1, 0, 0, 1, 0}, out.hardware().get(0).toFloatArray());
        }
    }

    @Test
    void aColdSoftMinChoosesTheOptimalConfiguration() {
        double[][] p = samples(30, 2);
        Objective energy = Objective.of(Metrics.Name.ENERGY);
        double area = CUBE.row(CUBE.configCount() / 2).areaMm2();
        var limits = List.of(new HardLimit(Metrics.Name.AREA, area));
        Optima.Choice[] best = new OptimalConfigs(CUBE, energy, limits).best(p);
        try (AnalyticEvaluator ev = AnalyticEvaluator.choosing(CUBE, energy, limits, 1e-3, 100); NDManager m = NDManager.newBaseManager()) {
            Evaluator.Prediction out = ev.forward(m.create(flat(p), new Shape(p.length, p[0].length)));
            float[] e = out.energyUj().toFloatArray();
            float[] a = out.areaMm2().toFloatArray();
            for (int i = 0; i < p.length; i++) {
                assertEquals(best[i].metrics().energyUj(), e[i], 2e-3 * best[i].metrics().energyUj(), "row " + i);
                assertEquals(true, a[i] <= area * 1.001, "row " + i + " area " + a[i] + " > " + area);
            }
            float[] h = out.hardware().sum(new int[] {0}).toFloatArray();   // every parameter's block sums to 1 per row
            assertEquals(p.length, h[0] + h[1] + h[2], 1e-3);
            assertEquals(p.length, h[6] + h[7] + h[8], 1e-3);
            Architecture arch = TinyCubes.SPACE.encoding().argmax(p[0]);
            assertEquals(new OptimalConfigs(CUBE, energy, limits).best(new double[][] {TinyCubes.SPACE.encoding().oneHot(arch)})[0].metrics(),
                    ev.predict(arch).metrics());
        }
    }

    @Test
    void theSoftMinsGradientMatchesFiniteDifferences() {
        double[] p0 = samples(3, 4)[2];   // a per-layer Dirichlet vector
        Objective edp = Objective.of(Metrics.Name.EDP);
        var limits = List.of(new HardLimit(Metrics.Name.AREA, CUBE.row(CUBE.configCount() / 2).areaMm2()));
        try (AnalyticEvaluator ev = AnalyticEvaluator.choosing(CUBE, edp, limits, 0.3, 5); NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(flat(new double[][] {p0}), new Shape(1, p0.length));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(ev.forward(x).energyUj().sum());
            }
            float[] grad = x.getGradient().toFloatArray();
            double scale = 0;
            for (float g : grad) scale = Math.max(scale, Math.abs(g));
            for (int k = 0; k < p0.length; k++) {
                double h = 1e-2;
                double[] up = p0.clone();
                double[] down = p0.clone();
                up[k] += h;
                down[k] -= h;
                double fd = (energy(ev, m, up) - energy(ev, m, down)) / (2 * h);
                assertTrue(Float.isFinite(grad[k]), "entry " + k);
                assertEquals(fd, grad[k], 0.02 * scale, "d energy / d p_" + k);
            }
        }
    }

    static double energy(AnalyticEvaluator ev, NDManager m, double[] p) {
        try (NDManager step = m.newSubManager()) {
            return ev.forward(step.create(flat(new double[][] {p}), new Shape(1, p.length))).energyUj().getFloat(0);
        }
    }

    @Test
    void metricsOnGivenConfigurationsAreTheCubes() {
        double[][] p = samples(5, 6);
        int[] configs = {0, 7, 13, 20, 26};
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 0); NDManager m = NDManager.newBaseManager()) {
            float[] y = ev.metricsOn(m.create(flat(p), new Shape(p.length, p[0].length)), configs).toFloatArray();
            for (int r = 0; r < p.length; r++) {
                Metrics want = CUBE.metrics(configs[r], p[r]);
                assertEquals(want.latencyMs(), y[r * 3], 1e-5 * want.latencyMs());
                assertEquals(want.energyUj(), y[r * 3 + 1], 1e-5 * want.energyUj());
                assertEquals(want.areaMm2(), y[r * 3 + 2], 1e-5 * want.areaMm2());
            }
        }
    }
}
