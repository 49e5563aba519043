package org.coex.evaluator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.Accelerator;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.evaluator.TinyCubes;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.data.ArchSampler;
import org.coex.evaluator.data.OptimalConfigs;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;
import org.junit.jupiter.api.Test;

/**
 * Searchable width makes a layer's cost depend on two choices (its input's stage and its own), so the
 * expected cost is a polynomial in the probabilities. Checked here against the definition: the
 * probability-weighted average over every architecture of the space, each costed by accel-model.
 */
class WidthCostTest {
    static final SearchSpace SPACE = TinyCubes.WIDTHS;
    static final DesignSpace DS = DesignSpace.of(Parameter.of("rows", 4, 16), Parameter.of("cols", 4, 16), Parameter.of("dataflow", "os", "ws"));
    static final CostCube CUBE = TinyCubes.cube(SPACE, new SystolicTemplate(), DS);
    static final ArchEncoding E = SPACE.encoding();

    static List<Architecture> all() {
        List<Architecture> out = new ArrayList<>();
        List<SearchableLayer> layers = SPACE.layers();
        int n = 1;
        for (SearchableLayer l : layers) n *= l.candidates().size();
        for (int i = 0; i < n * 4; i++) {
            int rest = i;
            List<Integer> ops = new ArrayList<>();
            for (SearchableLayer l : layers) {
                ops.add(rest % l.candidates().size());
                rest /= l.candidates().size();
            }
            out.add(new Architecture(ops, List.of(rest % 2, rest / 2)));
        }
        return out;
    }

    static double probability(Architecture a, double[] p) {
        double[] hot = E.oneHot(a);
        double prob = 1;
        for (int k = 0; k < hot.length; k++) if (hot[k] == 1) prob *= p[k];
        return prob;
    }

    @Test
    void theExpectedLatencyAndEnergyAreTheAverageOverEveryArchitectureAndTheirGradientIsExact() {
        double[] p = new ArchSampler(E, new Well19937c(5)).draw(ArchSampler.Kind.SOFT);
        int config = 5;
        Accelerator acc = new SystolicTemplate().configure(DS.point(config), TechnologyTables.preset(TechnologyTables.DEFAULT));
        List<Architecture> all = all();
        assertEquals(4 * 5 * 4 * 5 * 4, all.size());
        double latency = 0;
        double energy = 0;
        for (Architecture a : all) {
            Metrics truth = acc.evaluate(a.toNetwork(SPACE)).metrics();
            latency += probability(a, p) * truth.latencyMs();
            energy += probability(a, p) * truth.energyUj();
        }
        assertEquals(latency, CUBE.metrics(config, p).latencyMs(), 1e-9 * latency);
        assertEquals(energy, CUBE.metrics(config, p).energyUj(), 1e-9 * energy);
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, config); NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(AnalyticEvaluatorTest.flat(new double[][] {p}), new Shape(1, p.length));
            x.setRequiresGradient(true);
            Evaluator.Prediction out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = ev.forward(x);
                gc.backward(out.latencyMs().sum());
            }
            assertEquals(latency, out.latencyMs().getFloat(0), 1e-5 * latency);
            assertEquals(energy, out.energyUj().getFloat(0), 1e-5 * energy);
            float[] grad = x.getGradient().toFloatArray();
            for (int k = 0; k < p.length; k++) {   // the polynomial is of degree 1 in each entry: the difference quotient is exact
                double[] up = p.clone();
                up[k] += 1;
                double want = CUBE.metrics(config, up).latencyMs() - CUBE.metrics(config, p).latencyMs();
                assertEquals(want, grad[k], 1e-5 * latency, "d latency / d p_" + k);
            }
        }
    }

    @Test
    void theChosenAcceleratorOfAWidthArchitectureIsTheTrueOptimum() {
        Objective edp = Objective.of(Metrics.Name.EDP);
        try (AnalyticEvaluator ev = AnalyticEvaluator.choosing(CUBE, edp, List.of(), 1e-3, 0)) {
            for (Architecture a : all().stream().filter(x -> Math.floorMod(x.hashCode(), 211) == 0).toList()) {
                double best = Double.POSITIVE_INFINITY;
                for (int c = 0; c < DS.size(); c++) {
                    Metrics m = new SystolicTemplate().configure(DS.point(c), TechnologyTables.preset(TechnologyTables.DEFAULT)).evaluate(a.toNetwork(SPACE)).metrics();
                    best = Math.min(best, m.edpUjMs());
                }
                assertEquals(best, ev.predict(a).metrics().edpUjMs(), 1e-9 * best, a.toString());
                assertEquals(best, new OptimalConfigs(CUBE, edp, List.of()).best(new double[][] {E.oneHot(a)})[0].metrics().edpUjMs(), 1e-9 * best);
            }
        }
    }
}
