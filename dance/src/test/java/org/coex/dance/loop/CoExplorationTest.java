package org.coex.dance.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.coex.nas.data.Normalization;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.evaluator.api.AnalyticEvaluator;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.cube.CostCubeBuilder;
import org.coex.hdx.ConstraintGuard;
import org.coex.hdx.HardConstraint;
import org.coex.nas.data.ImageSet;
import org.coex.nas.data.SyntheticImages;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.Stage;
import org.coex.nas.supernet.PathSampler;
import org.coex.nas.train.ArchitectureObjective;
import org.coex.nas.train.Batches;
import org.coex.nas.train.SearchConfig;
import org.coex.nas.train.SearchTrainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.common.util.ArrayUtil;

@Tag("djl")
class CoExplorationTest {
    /** 8x8 input; 3 searchable layers of k{3,5} x e{1,3} (+ skip on two of them). */
    static final SearchSpace TINY = new SearchSpace("tiny", 1, 8, 4, 3, 1, List.of(new Stage(8, 2, 2), new Stage(8, 1, 1)),
            List.of(3, 5), List.of(1, 3), true, 16, 4);
    static final CostCube CUBE = CostCubeBuilder.build(TINY, new SystolicTemplate(), DesignSpace.of(Parameter.of("rows", 4, 8), Parameter.of("cols", 4, 8)),
            TechnologyTables.preset(TechnologyTables.DEFAULT), TechnologyTables.DEFAULT, ProgressListener.NONE);
    static final SearchConfig CONFIG = new SearchConfig(6, 1, 16, 0.05, 0.9, 1e-4, 0.1, PathSampler.Strategy.BINARY_GATES, 1.0, 1.0, 0, false, 5, 0);

    /** 4 classes of 8x8 images ({@link SyntheticImages#corners}). */
    static ImageSet synthetic(int n, long seed) { return SyntheticImages.corners(n, seed); }

    /** Searches with the exact evaluator on configuration 0 and returns the derived architecture's true latency. */
    static double search(List<HardConstraint> constraints, CoExploration.Check check, CoExploration[] out) {
        Batches train = new Batches(synthetic(96, 1), 16, Normalization.grey(0.3, 0.3), 0, false);
        Batches val = new Batches(synthetic(48, 2), 16, Normalization.grey(0.3, 0.3), 0, false);
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 0); SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {
            CoExploration co = new CoExploration(ev, Objective.of(Metrics.Name.LATENCY), 0, new ConstraintGuard(constraints, 0.05, 1.5),
                    check, TINY.encoding());
            t.useObjective(co);
            for (int e = 0; e < CONFIG.epochs(); e++) t.runEpoch(train, val);
            out[0] = co;
            Architecture a = t.supernet().derive();
            return CUBE.metrics(0, a).latencyMs();
        }
    }

    @ParameterizedTest
    @EnumSource(CoExploration.Check.class)
    void aLatencyLimitTheUnconstrainedSearchMissesIsMetByTheDerivedArchitecture(CoExploration.Check check) {
        CoExploration[] co = new CoExploration[1];
        double free = search(List.of(), check, co);
        assertFalse(co[0].lastStep().anyViolated());
        // the cheapest architecture of the space: the lowest-latency candidate of every layer
        double cheapest = Double.POSITIVE_INFINITY;
        for (int[] choice : allArchitectures()) cheapest = Math.min(cheapest, CUBE.metrics(0, new Architecture(java.util.Arrays.stream(choice).boxed().toList())).latencyMs());
        double bound = cheapest + 0.25 * (free - cheapest);
        assertTrue(free > bound, "the unconstrained search must miss the limit for this test to mean anything");
        double constrained = search(List.of(new HardConstraint("latency_ms", bound, 0.05)), check, co);
        assertTrue(constrained <= bound, "derived latency " + constrained + " ms above the limit " + bound + " ms (unconstrained " + free + ")");
    }

    static float[] alphas(SearchTrainer t) {
        List<Float> all = new java.util.ArrayList<>();
        for (var m : t.supernet().mixedOps()) for (float v : m.alpha().getArray().toFloatArray()) all.add(v);
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) out[i] = all.get(i);
        return out;
    }

    /** A co-exploration resumed from a checkpoint (supernet, optimizers and HDX's deltas) ends where the uninterrupted one does. */
    @Test
    void resumingWithTheConstraintDeltasEqualsTheUninterruptedRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        Batches train = new Batches(synthetic(64, 1), 16, Normalization.grey(0.3, 0.3), 0, false);
        Batches val = new Batches(synthetic(32, 2), 16, Normalization.grey(0.3, 0.3), 0, false);
        List<HardConstraint> limit = List.of(new HardConstraint("latency_ms", 1e-4, 0.05));   // violated throughout: deltas keep growing
        float[] straight;
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 0); SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {
            t.useObjective(new CoExploration(ev, Objective.of(Metrics.Name.LATENCY), 0.1, new ConstraintGuard(limit, 0.05, 1.5), CoExploration.Check.EXPECTED, TINY.encoding()));
            for (int e = 0; e < 4; e++) t.runEpoch(train, val);
            straight = alphas(t);
        }
        double[] deltas;
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 0); SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {
            ConstraintGuard guard = new ConstraintGuard(limit, 0.05, 1.5);
            t.useObjective(new CoExploration(ev, Objective.of(Metrics.Name.LATENCY), 0.1, guard, CoExploration.Check.EXPECTED, TINY.encoding()));
            for (int e = 0; e < 2; e++) t.runEpoch(train, val);
            deltas = guard.deltas();
            t.checkpoint(dir.resolve("ckpt"));
        }
        assertTrue(deltas[0] > 0.05, "the limit must have been pushed on before the checkpoint");
        for (boolean restore : new boolean[] {true, false}) {
            try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 0); SearchTrainer t = SearchTrainer.resume(TINY, CONFIG, dir.resolve("ckpt"))) {
                ConstraintGuard guard = new ConstraintGuard(limit, 0.05, 1.5);
                if (restore) guard.restore(deltas);
                t.useObjective(new CoExploration(ev, Objective.of(Metrics.Name.LATENCY), 0.1, guard, CoExploration.Check.EXPECTED, TINY.encoding()));
                for (int e = 2; e < 4; e++) t.runEpoch(train, val);
                if (restore) org.junit.jupiter.api.Assertions.assertArrayEquals(straight, alphas(t));
                else assertFalse(java.util.Arrays.equals(straight, alphas(t)), "forgetting the deltas must change the run");
            }
        }
    }

    /** Once HDX has met the limit, the soft objective still moves alpha (large projections must not freeze Adam). */
    @Test
    void alphaKeepsLearningAfterTheLimitIsMet() {
        Batches train = new Batches(synthetic(96, 1), 16, Normalization.grey(0.3, 0.3), 0, false);
        Batches val = new Batches(synthetic(48, 2), 16, Normalization.grey(0.3, 0.3), 0, false);
        double uniform = CUBE.metrics(0, TINY.encoding().uniform()).latencyMs();
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 0); SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {
            CoExploration co = new CoExploration(ev, Objective.of(Metrics.Name.ENERGY), 0.2,
                    new ConstraintGuard(List.of(new HardConstraint("latency_ms", 0.7 * uniform, 0.05)), 0.05, 4.0), CoExploration.Check.EXPECTED, TINY.encoding());
            t.useObjective(co);
            float[] before = null;
            for (int e = 0; e < CONFIG.epochs(); e++) {
                if (e == CONFIG.epochs() - 2) before = alphas(t);
                t.runEpoch(train, val);
            }
            assertFalse(co.lastStep().anyViolated(), "the limit should be met by the end");
            float[] after = alphas(t);
            double moved = 0;
            for (int i = 0; i < after.length; i++) moved += Math.abs(after[i] - before[i]);
            assertTrue(moved > 0.05, "alpha moved only " + moved + " over the last two epochs");
        }
    }

    @Test
    void aProjectionLongerThanTheGradientKeepsItsDirectionAtTheGradientsLength() {
        double[] g = {0.3, -0.4};
        double[] bounded = CoExploration.boundedBy(new double[] {30, 40}, g);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.3, 0.4}, bounded, 1e-12);
        double[] shorter = {0.1, 0};
        org.junit.jupiter.api.Assertions.assertSame(shorter, CoExploration.boundedBy(shorter, g));
    }

    @Test
    void aProjectionTooLongToSquareStillComesBackAtTheGradientsLength() {
        double[] bounded = CoExploration.boundedBy(new double[] {3e200, 4e200}, new double[] {0.3, -0.4});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.3, 0.4}, bounded, 1e-12);
    }

    /**
     * p puts 0.6 on the fastest network and 0.4 on the slowest; a latency bound between the two
     * networks' mixture and the fastest one is violated by the expected network only.
     */
    @Test
    void aLimitTheDerivedNetworkMeetsIsEnforcedOnlyWhenCheckedOnTheExpectedOne() {
        ArchEncoding enc = TINY.encoding();
        List<Architecture> byLatency = allArchitectures().stream().map(c -> new Architecture(java.util.Arrays.stream(c).boxed().toList()))
                .sorted(java.util.Comparator.comparingDouble(a -> CUBE.metrics(0, enc.oneHot(a)).latencyMs())).toList();
        double[] fast = enc.oneHot(byLatency.get(0));
        double[] slow = enc.oneHot(byLatency.get(byLatency.size() - 1));
        double[] p = new double[fast.length];
        for (int i = 0; i < p.length; i++) p[i] = 0.6 * fast[i] + 0.4 * slow[i];
        double bound = (CUBE.metrics(0, fast).latencyMs() + CUBE.metrics(0, p).latencyMs()) / 2;
        double[] g = new double[p.length];
        for (int i = 0; i < g.length; i++) g[i] = -fast[i];   // g . h < 0 for the h given below: an enforced limit must change g
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 0); NDManager m = NDManager.newBaseManager()) {
            ArchitectureObjective.Differentiator atP = f -> new ArchitectureObjective.Derivative(
                    f.apply(m.create(ArrayUtil.toFloats(p))).getFloat(), fast.clone());
            for (CoExploration.Check check : CoExploration.Check.values()) {
                CoExploration co = new CoExploration(ev, Objective.of(Metrics.Name.LATENCY), 0,
                        new ConstraintGuard(List.of(new HardConstraint("latency_ms", bound, 0)), 0.05, 1.5), check, enc);
                double[] out = co.adjust(g, p, atP);
                boolean enforced = check == CoExploration.Check.EXPECTED;
                assertEquals(enforced, co.lastStep().anyViolated(), check.name());
                assertEquals(enforced, !java.util.Arrays.equals(g, out), check.name());
            }
        }
    }

    /** A cost or gradient that is not a number (a damaged learned evaluator) stops the step, naming the metric, before HDX projects with it. */
    @Test
    void aNonFiniteCostOrGradientFromTheEvaluatorStopsTheSearchNamingIt() {
        ArchEncoding enc = TINY.encoding();
        double[] p = new double[enc.length()];
        for (int b = 0; b < enc.blocks().size(); b++) for (int i = 0; i < enc.blocks().get(b); i++) p[enc.blockOffset(b) + i] = 1.0 / enc.blocks().get(b);
        double[] g = new double[p.length];
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 0)) {
            CoExploration co = new CoExploration(ev, Objective.of(Metrics.Name.LATENCY), 0,
                    new ConstraintGuard(List.of(new HardConstraint("latency_ms", 1.0, 0)), 0.05, 1.5), CoExploration.Check.EXPECTED, enc);
            EvaluatorNotFinite e = assertThrows(EvaluatorNotFinite.class,
                    () -> co.adjust(g, p, f -> new ArchitectureObjective.Derivative(Double.NaN, new double[p.length])));
            assertTrue(e.getMessage().startsWith("the evaluator's latency_ms is NaN"), e.getMessage());
            double[] nanGradient = new double[p.length];
            nanGradient[3] = Double.POSITIVE_INFINITY;
            e = assertThrows(EvaluatorNotFinite.class, () -> co.adjust(g, p, f -> new ArchitectureObjective.Derivative(0.5, nanGradient)));
            assertTrue(e.getMessage().startsWith("the evaluator's latency_ms gradient is Infinity"), e.getMessage());
        }
    }

    /** The pair an hdx search returns: the final argmax network within the limits, else the latest one a step saw within them, else the final one. */
    @Test
    void theReturnedNetworkIsTheFinalOneOnlyWhenItMeetsTheLimits() {
        ArchEncoding enc = TINY.encoding();
        List<Architecture> byLatency = allArchitectures().stream().map(c -> new Architecture(java.util.Arrays.stream(c).boxed().toList()))
                .sorted(java.util.Comparator.comparingDouble(a -> CUBE.metrics(0, enc.oneHot(a)).latencyMs())).toList();
        Architecture fast = byLatency.get(0);
        Architecture slow = byLatency.get(byLatency.size() - 1);
        double bound = (CUBE.metrics(0, fast).latencyMs() + CUBE.metrics(0, slow).latencyMs()) / 2;
        try (AnalyticEvaluator ev = AnalyticEvaluator.fixed(CUBE, 0)) {
            CoExploration co = new CoExploration(ev, Objective.of(Metrics.Name.LATENCY), 0,
                    new ConstraintGuard(List.of(new HardConstraint("latency_ms", bound, 0)), 0.05, 1.5), CoExploration.Check.DERIVED, enc);
            var seen = java.util.Optional.of(new ReturnedNetwork.SeenWithinLimits(fast, 2, 7));
            ReturnedNetwork within = ReturnedNetwork.choose(co, fast, java.util.Optional.empty());
            assertEquals(fast, within.judgement().network());
            assertFalse(within.fellBack());
            ReturnedNetwork fellBack = ReturnedNetwork.choose(co, slow, seen);
            assertEquals(fast, fellBack.judgement().network());
            assertEquals(slow, fellBack.finalNetwork().network());
            assertTrue(fellBack.fellBack() && fellBack.describe().contains("epoch 3, step 8 (steps.jsonl: epoch 2, step 7)"), fellBack.describe());
            assertEquals(CUBE.metrics(0, fast).latencyMs(), fellBack.judgement().values()[0], 0.0, "judged exactly, as the final check costs it");
            ReturnedNetwork nothingSeen = ReturnedNetwork.choose(co, slow, java.util.Optional.empty());
            assertEquals(slow, nothingSeen.judgement().network());
            assertFalse(nothingSeen.judgement().withinLimits());
            assertTrue(nothingSeen.judgement().violated()[0]);
        }
    }

    static List<int[]> allArchitectures() {
        List<Integer> sizes = TINY.encoding().candidatesPerLayer();
        List<int[]> out = new java.util.ArrayList<>();
        int total = sizes.stream().reduce(1, (a, b) -> a * b);
        for (int i = 0; i < total; i++) {
            int[] c = new int[sizes.size()];
            int r = i;
            for (int l = sizes.size() - 1; l >= 0; l--) {
                c[l] = r % sizes.get(l);
                r /= sizes.get(l);
            }
            out.add(c);
        }
        return out;
    }
}
