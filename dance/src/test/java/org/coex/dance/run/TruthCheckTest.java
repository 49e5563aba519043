package org.coex.dance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.cube.CostCubeBuilder;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.Stage;
import org.junit.jupiter.api.Test;

/** The network's own floor: what the repair could not reach, per limit, and by how much. */
class TruthCheckTest {
    static final SearchSpace TINY = new SearchSpace("tiny", 1, 8, 4, 3, 1, List.of(new Stage(8, 2, 2), new Stage(8, 1, 1)),
            List.of(3, 5), List.of(1, 3), true, 16, 4);
    static final CostCube CUBE = CostCubeBuilder.build(TINY, new SystolicTemplate(), DesignSpace.of(Parameter.of("rows", 4, 8), Parameter.of("cols", 4, 8)),
            TechnologyTables.preset(TechnologyTables.DEFAULT), TechnologyTables.DEFAULT, ProgressListener.NONE);
    static final Architecture LARGEST = new Architecture(List.of(3, 3, 3));   // k5 e3 everywhere

    /** The best value of a metric over every configuration, for the largest network. */
    static double best(Metrics.Name m) {
        DoubleStream values = IntStream.range(0, CUBE.configCount()).mapToDouble(c -> CUBE.metrics(c, LARGEST).get(m));
        return (m == Metrics.Name.FPS ? values.max() : values.min()).orElseThrow();
    }

    @Test
    void aLimitBelowTheNetworksFloorIsReportedWithItsFloorAndTheGap() {
        double energy = best(Metrics.Name.ENERGY);
        double fps = best(Metrics.Name.FPS);
        List<HardLimit> limits = List.of(new HardLimit(Metrics.Name.ENERGY, energy * 0.8), new HardLimit(Metrics.Name.FPS, fps * 2),
                new HardLimit(Metrics.Name.AREA, 1e6));
        List<TruthCheck.Shortfall> s = TruthCheck.shortfall(CUBE, LARGEST, limits, 1000);
        assertEquals(3, s.size());
        assertEquals(energy, s.get(0).bestAlone(), 0.0);
        assertEquals(0.25, s.get(0).overBy(), 1e-12, "16 uJ against 12.8: 25 % past it");
        assertTrue(s.get(0).describe().contains("past the limit"), s.get(0).describe());
        assertEquals(fps, s.get(1).bestAlone(), 0.0);
        assertEquals(0.5, s.get(1).overBy(), 1e-12, "a floor of fps: half of it is missing");
        assertEquals(0, s.get(2).overBy(), 0.0);
        assertTrue(s.get(2).describe().contains("reachable alone"), s.get(2).describe());
    }

    @Test
    void aSpaceTooLargeToEnumerateGivesNoShortfall() {
        assertTrue(TruthCheck.shortfall(CUBE, LARGEST, List.of(new HardLimit(Metrics.Name.ENERGY, 1e-9)), CUBE.configCount() - 1).isEmpty());
    }
}
