package org.coex.evaluator.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.TinyCubes;
import org.junit.jupiter.api.Test;

class OptimalConfigsTest {
    static final CostCube CUBE = TinyCubes.cube(new SystolicTemplate(), DesignSpace.of(Parameter.of("rows", 4, 8, 16, 32),
            Parameter.of("cols", 4, 8, 16, 32), Parameter.of("dataflow", "os", "ws", "is"), Parameter.of("ifmap_sram_kb", 1, 64)));

    @Test
    void theBatchedSearchFindsWhatTryingEveryConfigurationFinds() {
        ArchSampler sampler = new ArchSampler(TinyCubes.SPACE.encoding(), new Well19937c(3));
        double[][] p = new double[300][];
        for (int i = 0; i < p.length; i++) p[i] = sampler.draw(ArchSampler.Kind.values()[i % 3]);
        Objective edpPlusArea = new Objective(Map.of(Metrics.Name.EDP, 1.0, Metrics.Name.AREA, 0.01));
        // latency from one config at a middling architecture: some configurations meet it, some do not
        double mid = CUBE.metrics(CUBE.configCount() / 2, p[0]).latencyMs();
        for (var problem : List.of(new Object[] {Objective.of(Metrics.Name.LATENCY), List.<HardLimit>of()},
                new Object[] {Objective.of(Metrics.Name.ENERGY), List.of(new HardLimit(Metrics.Name.LATENCY, mid), new HardLimit(Metrics.Name.AREA, 0.5))},
                new Object[] {edpPlusArea, List.of(new HardLimit(Metrics.Name.FPS, 1000 / mid))},
                new Object[] {Objective.of(Metrics.Name.LATENCY), List.of(new HardLimit(Metrics.Name.AREA, 1e-6))})) {
            Objective objective = (Objective) problem[0];
            @SuppressWarnings("unchecked") List<HardLimit> limits = (List<HardLimit>) problem[1];
            Optima.Choice[] got = new OptimalConfigs(CUBE, objective, limits).best(p);
            int feasible = 0;
            for (int i = 0; i < p.length; i++) {
                double bestScore = Double.POSITIVE_INFINITY;
                double bestViolation = Double.POSITIVE_INFINITY;
                for (int c = 0; c < CUBE.configCount(); c++) {
                    Metrics m = CUBE.metrics(c, p[i]);
                    double v = limits.stream().mapToDouble(l -> l.violation(m)).sum();
                    double s = objective.value(m);
                    if (v < bestViolation - 1e-12 || (Math.abs(v - bestViolation) <= 1e-12 && s < bestScore)) {
                        bestViolation = v;
                        bestScore = s;
                    }
                }
                assertEquals(bestViolation == 0, got[i].feasible(), objective + " " + limits + " row " + i);
                if (bestViolation == 0) {
                    feasible++;
                    assertEquals(bestScore, objective.value(got[i].metrics()), 1e-9 * bestScore, objective + " " + limits + " row " + i);
                } else {
                    Metrics chosen = got[i].metrics();
                    assertEquals(bestViolation, limits.stream().mapToDouble(l -> l.violation(chosen)).sum(), 1e-9 * bestViolation);
                }
            }
            if (limits.size() == 1 && limits.get(0).bound() == 1e-6) assertEquals(0, feasible);
            else assertTrue(feasible > 0, "some rows must be feasible for " + limits);
        }
    }
}
