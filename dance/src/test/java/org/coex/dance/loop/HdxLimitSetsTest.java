package org.coex.dance.loop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.coex.nas.data.Normalization;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.dance.run.TruthCheck;
import org.coex.dance.spec.SearchSpec;
import org.coex.evaluator.api.AnalyticEvaluator;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.cube.CostCubeBuilder;
import org.coex.hdx.ConstraintGuard;
import org.coex.nas.space.Architecture;
import org.coex.nas.train.Batches;
import org.coex.nas.train.SearchTrainer;
import org.junit.jupiter.api.Tag;

/**
 * HDX's promise on a small space: for any limit set that some (network, accelerator) pair of the
 * space meets, mixing latency or fps, area and energy, an hdx search with the exact evaluator returns
 * a network whose accelerator, chosen as the final step chooses it, meets every limit, without the
 * repair search. Limit sets are built around a random pair of the space's cheaper networks (so they
 * are feasible and usually bind), each limit 0-25 % above that pair's value.
 */
@Tag("djl")
class HdxLimitSetsTest {
    static final CostCube CUBE = CostCubeBuilder.build(CoExplorationTest.TINY, new SpatialTemplate(),
            DesignSpace.of(Parameter.of("pe_rows", 8, 16), Parameter.of("pe_cols", 8, 16), Parameter.of("glb_kb", 64, 128),
                    Parameter.of("dataflow", "ws", "os", "rs")),
            TechnologyTables.preset(TechnologyTables.DEFAULT), TechnologyTables.DEFAULT, ProgressListener.NONE);
    static final List<Architecture> CHEAP_HALF = cheapHalf();

    @Property(tries = 16, shrinking = ShrinkingMode.OFF)
    void hdxReturnsADesignWithinEveryLimitAsSearched(@ForAll("feasibleLimitSets") List<HardLimit> limits) {
        Objective objective = Objective.of(Metrics.Name.ENERGY);
        Batches train = new Batches(CoExplorationTest.synthetic(96, 1), 16, Normalization.grey(0.3, 0.3), 0, false);
        Batches val = new Batches(CoExplorationTest.synthetic(48, 2), 16, Normalization.grey(0.3, 0.3), 0, false);
        try (AnalyticEvaluator ev = AnalyticEvaluator.choosing(CUBE, objective, limits, 1e-3, 100);
             SearchTrainer t = new SearchTrainer(CoExplorationTest.TINY, CoExplorationTest.CONFIG)) {
            // lambda 0: only cross-entropy pulls on alpha; margin 0, the spec's default for this exact check
            CoExploration co = new CoExploration(ev, objective, 0, new ConstraintGuard(SearchSpec.constraints(limits, 0), 0.05, 1.5),
                    CoExploration.Check.DERIVED, CoExplorationTest.TINY.encoding());
            t.useObjective(co);
            Optional<ReturnedNetwork.SeenWithinLimits> seen = Optional.empty();
            for (int e = 0; e < CoExplorationTest.CONFIG.epochs(); e++) {
                t.runEpoch(train, val);
                List<CoExploration.CheckedStep> steps = co.drainHistory();
                for (int s = 0; s < steps.size(); s++) {
                    if (steps.get(s).withinLimits()) seen = Optional.of(new ReturnedNetwork.SeenWithinLimits(steps.get(s).network(), e, s));
                }
            }
            ReturnedNetwork returned = ReturnedNetwork.choose(co, t.supernet().derive(), seen);
            Architecture arch = returned.judgement().network();
            int chosen = (int) CUBE.key().designSpace().indexOf(returned.judgement().choice().config());
            TruthCheck.Outcome truth = TruthCheck.check(CUBE, arch, chosen, objective, limits, 1000, 1);
            assertFalse(truth.repaired(), limits + ": the search's accelerator missed a limit; " + truth.limits());
            assertTrue(truth.feasible(), limits + ": " + truth.limits());
            assertTrue(returned.judgement().withinLimits());
        }
    }

    @Provide
    Arbitrary<List<HardLimit>> feasibleLimitSets() {
        Arbitrary<Architecture> network = Arbitraries.of(CHEAP_HALF);
        Arbitrary<Integer> config = Arbitraries.integers().between(0, CUBE.configCount() - 1);
        Arbitrary<Integer> metrics = Arbitraries.integers().between(1, 7);   // a non-empty subset of {speed, area, energy}
        Arbitrary<Boolean> asFps = Arbitraries.of(false, true);
        Arbitrary<double[]> slack = Arbitraries.doubles().between(0, 0.25).array(double[].class).ofSize(3);
        return Combinators.combine(network, config, metrics, asFps, slack).as((a, c, subset, fps, s) -> {
            Metrics m = CUBE.metrics(c, a);
            List<HardLimit> out = new ArrayList<>();
            if ((subset & 1) != 0) out.add(fps ? new HardLimit(Metrics.Name.FPS, m.fps() / (1 + s[0])) : new HardLimit(Metrics.Name.LATENCY, m.latencyMs() * (1 + s[0])));
            if ((subset & 2) != 0) out.add(new HardLimit(Metrics.Name.AREA, m.areaMm2() * (1 + s[1])));
            if ((subset & 4) != 0) out.add(new HardLimit(Metrics.Name.ENERGY, m.energyUj() * (1 + s[2])));
            return out;
        });
    }

    /** The half of the space's networks with the fewest MACs. */
    private static List<Architecture> cheapHalf() {
        List<Architecture> all = new ArrayList<>(CoExplorationTest.allArchitectures().stream()
                .map(c -> new Architecture(java.util.Arrays.stream(c).boxed().toList())).toList());
        all.sort(java.util.Comparator.comparingLong(a -> a.toNetwork(CoExplorationTest.TINY).macs()));
        return List.copyOf(all.subList(0, all.size() / 2));
    }
}
