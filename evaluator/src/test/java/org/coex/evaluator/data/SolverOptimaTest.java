package org.coex.evaluator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.evaluator.TinyCubes;
import org.coex.evaluator.cube.OnDemandCosts;
import org.junit.jupiter.api.Test;

class SolverOptimaTest {
    static final OnDemandCosts LAZY = new OnDemandCosts(TinyCubes.SPACE, new SystolicTemplate(), OptimalConfigsTest.CUBE.key().designSpace(),
            TechnologyTables.preset(TechnologyTables.DEFAULT), TechnologyTables.DEFAULT);

    static double[][] samples(int n, long seed) {
        ArchSampler sampler = new ArchSampler(TinyCubes.SPACE.encoding(), new Well19937c(seed));
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) p[i] = sampler.draw(ArchSampler.Kind.values()[i % 3]);
        return p;
    }

    @Test
    void onDemandRowsAreTheCubesRows() {
        double[][] p = samples(10, 5);
        for (int c = 0; c < LAZY.configCount(); c += 7) {
            for (double[] v : p) assertEquals(OptimalConfigsTest.CUBE.metrics(c, v), LAZY.metrics(c, v), "configuration " + c);
        }
    }

    @Test
    void withABudgetCoveringTheSpaceTheSolverFindsTheExhaustiveOptimum() {
        double[][] p = samples(12, 9);
        double mid = OptimalConfigsTest.CUBE.metrics(OptimalConfigsTest.CUBE.configCount() / 2, p[0]).latencyMs();
        for (List<HardLimit> limits : List.of(List.<HardLimit>of(), List.of(new HardLimit(Metrics.Name.LATENCY, mid), new HardLimit(Metrics.Name.AREA, 0.5)))) {
            Objective energy = Objective.of(Metrics.Name.ENERGY);
            Optima.Choice[] want = new OptimalConfigs(OptimalConfigsTest.CUBE, energy, limits).best(p);
            Optima.Choice[] got = new SolverOptima(LAZY, energy, limits, LAZY.configCount(), 1).best(p);
            for (int i = 0; i < p.length; i++) {
                assertEquals(want[i].feasible(), got[i].feasible(), "row " + i + " " + limits);
                assertEquals(energy.value(want[i].metrics()), energy.value(got[i].metrics()), 1e-9 * energy.value(want[i].metrics()), "row " + i + " " + limits);
            }
        }
    }

    @Test
    void aBudgetedSearchNeverBeatsTheOptimumReportsTrueCostsAndRepeatsItself() {
        double[][] p = samples(12, 11);
        Objective latency = Objective.of(Metrics.Name.LATENCY);
        Optima.Choice[] optimum = new OptimalConfigs(OptimalConfigsTest.CUBE, latency, List.of()).best(p);
        Optima.Choice[] got = new SolverOptima(LAZY, latency, List.of(), 20, 3).best(p);
        Optima.Choice[] again = new SolverOptima(LAZY, latency, List.of(), 20, 3).best(p);
        double regret = 0;
        for (int i = 0; i < p.length; i++) {
            assertEquals(LAZY.metrics(got[i].config(), p[i]), got[i].metrics());
            assertTrue(got[i].metrics().latencyMs() >= optimum[i].metrics().latencyMs() * (1 - 1e-12));
            assertEquals(got[i].config(), again[i].config());
            regret += got[i].metrics().latencyMs() / optimum[i].metrics().latencyMs() - 1;
        }
        assertTrue(regret / p.length < 0.5, "20 of " + LAZY.configCount() + " configurations should land near the optimum, mean regret " + regret / p.length);
    }

    @Test
    void aSolverLabelledDatasetHasTheAnalyticLabelsAndDoesNotDependOnThreads() {
        Objective latency = Objective.of(Metrics.Name.LATENCY);
        SolverOptima optima = new SolverOptima(LAZY, latency, List.of(), 30, 2);
        CostDataset d = CostDataset.generate(LAZY, optima, 50, 4, latency, List.of(), ProgressListener.NONE);
        CostDataset e = java.util.concurrent.ForkJoinPool.commonPool().submit(() -> CostDataset.generate(LAZY, optima, 50, 4, latency, List.of(),
                ProgressListener.NONE)).join();
        for (int i = 0; i < d.size(); i++) {
            double[] p = new double[d.arch()[i].length];
            for (int k = 0; k < p.length; k++) p[k] = d.arch()[i][k];
            assertClose(CostDataset.row(OptimalConfigsTest.CUBE.metrics(d.config()[i], p)), d.metrics()[i]);
            assertClose(CostDataset.row(OptimalConfigsTest.CUBE.metrics(d.bestConfig()[i], p)), d.bestMetrics()[i]);
        }
        assertArrayEquals(d.bestConfig(), e.bestConfig());
        assertArrayEquals(d.config(), e.config());
    }

    /** Equal to float precision: the dataset keeps probabilities as float32. */
    static void assertClose(double[] want, double[] got) {
        for (int j = 0; j < want.length; j++) assertEquals(want[j], got[j], 1e-6 * Math.abs(want[j]), "column " + j);
    }
}
