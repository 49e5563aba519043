package org.coex.accel.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.accel.workload.NetworkZoo;
import org.junit.jupiter.api.Test;

class HwOptimizerTest {
    /** 4 x 4 x 3 x 3 = 144 points. */
    static final DesignSpace SMALL = DesignSpace.of(Parameter.of("rows", 8, 16, 32, 64), Parameter.of("cols", 8, 16, 32, 64),
            Parameter.of("dataflow", "os", "ws", "is"), Parameter.of("ifmap_sram_kb", 32, 128, 512));

    static OptimizeProblem problem(DesignSpace space, Objective objective, List<HardLimit> limits) {
        return new OptimizeProblem(NetworkZoo.byName("resnet18").orElseThrow(), new SystolicTemplate(),
                TechnologyTables.preset("accelergy-45nm"), space, HwConfig.of("dram_words_per_cycle", 16), objective, limits);
    }

    static Candidate exhaustively(DesignSpace space, Objective objective, List<HardLimit> limits) {
        OptimizeProblem p = problem(space, objective, limits);
        return Candidate.best(LongStream.range(0, space.size()).mapToObj(p::candidate).toList());
    }

    @Test
    void aSmallSpaceGivesTheProvenOptimum() {
        Objective energy = Objective.of(Metrics.Name.ENERGY);
        List<HardLimit> limits = List.of(new HardLimit(Metrics.Name.LATENCY, 3.0), new HardLimit(Metrics.Name.AREA, 1.5));
        OptimizeResult r = HwOptimizer.optimize(problem(SMALL, energy, limits), 1000, 1);
        Candidate truth = exhaustively(SMALL, energy, limits);
        assertTrue(r.proven());
        assertTrue(r.feasible());
        assertEquals(truth.index(), r.best().index());
        assertEquals(144, r.evaluations());
    }

    @Test
    void aLocalSearchStartsWhereItIsToldAndNeverEndsWorseThanItsStart() {
        Objective energy = Objective.of(Metrics.Name.ENERGY);
        Candidate optimum = exhaustively(SMALL, energy, List.of());
        int[] start = SMALL.choices(optimum.index());
        // budget 1 < 144 points: a local search that may cost one configuration, which must be the start
        OptimizeResult r = HwOptimizer.optimize(problem(SMALL, energy, List.of()), 1, 5, start);
        assertFalse(r.proven());
        assertEquals(optimum.index(), r.best().index());
        assertEquals(1, r.evaluations());
        OptimizeResult fromWorst = HwOptimizer.optimize(problem(SMALL, energy, List.of()), 20, 5, new int[] {0, 0, 0, 0});
        assertTrue(fromWorst.best().objective() <= problem(SMALL, energy, List.of()).candidate(0).objective());
    }

    @Test
    void anEdpObjectiveWithAnFpsLimitToo() {
        Objective edp = Objective.of(Metrics.Name.EDP);
        List<HardLimit> limits = List.of(new HardLimit(Metrics.Name.FPS, 400));
        assertEquals(exhaustively(SMALL, edp, limits).index(), HwOptimizer.optimize(problem(SMALL, edp, limits), 500, 3).best().index());
    }

    @Test
    void whenNothingIsFeasibleItReportsTheLeastViolatingConfiguration() {
        Objective latency = Objective.of(Metrics.Name.LATENCY);
        List<HardLimit> impossible = List.of(new HardLimit(Metrics.Name.AREA, 0.01), new HardLimit(Metrics.Name.LATENCY, 0.001));
        OptimizeResult r = HwOptimizer.optimize(problem(SMALL, latency, impossible), 1000, 1);
        assertFalse(r.feasible());
        Candidate truth = exhaustively(SMALL, latency, impossible);
        assertEquals(truth.violation(), r.best().violation(), 1e-12);
    }

    @Test
    void aLargeSpaceIsSearchedWithinTheBudgetAndTheSameSeedGivesTheSameAnswer() {
        DesignSpace large = new SystolicTemplate().defaultSpace();   // 9,600 points
        Objective edp = Objective.of(Metrics.Name.EDP);
        List<HardLimit> limits = List.of(new HardLimit(Metrics.Name.AREA, 4));
        OptimizeResult a = HwOptimizer.optimize(problem(large, edp, limits), 300, 7);
        OptimizeResult b = HwOptimizer.optimize(problem(large, edp, limits), 300, 7);
        assertFalse(a.proven());
        assertTrue(a.evaluations() <= 300, "evaluations " + a.evaluations());
        assertEquals(a.best().index(), b.best().index());
        assertTrue(a.feasible());
    }
}
