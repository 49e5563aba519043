package org.coex.nas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.coex.nas.data.Normalization;
import org.coex.nas.data.ImageSet;
import org.coex.nas.data.SyntheticImages;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.Stage;
import org.coex.nas.supernet.MixedOp;
import org.coex.nas.supernet.PathSampler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("djl")
public class SearchTrainerTest {
    public static final SearchSpace TINY = new SearchSpace("tiny", 1, 8, 4, 3, 1, List.of(new Stage(8, 2, 2), new Stage(8, 1, 1)),
            List.of(3, 5), List.of(1, 3), true, 16, 4);
    static final SearchConfig CONFIG = new SearchConfig(3, 1, 16, 0.05, 0.9, 1e-4, 0.02, PathSampler.Strategy.BINARY_GATES,
            1.0, 1.0, 1, false, 5, 0);
    @TempDir Path dir;

    /** 4 classes of 8x8 images ({@link SyntheticImages#corners}). */
    public static ImageSet synthetic(int n, long seed) { return SyntheticImages.corners(n, seed); }

    static Batches batches(ImageSet s) { return new Batches(s, CONFIG.batchSize(), Normalization.grey(0.3, 0.3), CONFIG.cropPadding(), CONFIG.flip()); }

    static float[] alphas(SearchTrainer t) {
        List<Float> all = new ArrayList<>();
        for (MixedOp m : t.supernet().mixedOps()) for (float v : m.alpha().getArray().toFloatArray()) all.add(v);
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) out[i] = all.get(i);
        return out;
    }

    @Test
    void itLearnsTheTaskAndAlphaLeavesItsStartAfterWarmUp() {
        Batches train = batches(synthetic(96, 1));
        Batches val = batches(synthetic(32, 2));
        SearchConfig gumbel = new SearchConfig(8, 2, 16, 0.1, 0.9, 1e-4, 0.02, PathSampler.Strategy.GUMBEL, 1.0, 1.0, 0, false, 5, 0);
        try (SearchTrainer t = new SearchTrainer(TINY, gumbel)) {
            EpochStats first = t.runEpoch(train, val);
            t.runEpoch(train, val);
            assertEquals(0, alphas(t)[0]);             // two warm-up epochs: alpha untouched
            EpochStats last = null;
            for (int e = 2; e < 8; e++) last = t.runEpoch(train, val);
            assertTrue(last.trainLoss() < 0.8 * first.trainLoss(), first + " -> " + last);
            assertTrue(last.alphaEntropy() < first.alphaEntropy());
            assertTrue(last.validationAccuracy() >= 0.75, last.toString());   // 4 separable classes; chance is 0.25
        }
    }

    @Test
    void aFixedNetworkRunsItsOwnOpsOnTheSupernetsWeights() {
        Batches train = batches(synthetic(48, 1));
        Batches val = batches(synthetic(32, 2));
        try (SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {   // binary gates: accuracy() runs the argmax path
            for (int e = 0; e < 3; e++) t.runEpoch(train, val);
            Architecture argmax = t.supernet().derive();
            assertEquals(t.accuracy(val), t.accuracyOf(argmax, val), 0.0);
            int layers = argmax.choices().size();
            List<Double> others = new ArrayList<>();
            for (int op = 0; op < TINY.layers().get(0).candidates().size(); op++) {
                List<Integer> c = new ArrayList<>(argmax.choices());
                c.set(0, op);
                others.add(t.accuracyOf(new Architecture(c), val));
            }
            assertTrue(others.stream().distinct().count() > 1, "the first layer's ops give different accuracies: " + others);
            assertEquals(t.accuracy(val), t.accuracyOf(argmax, val), 0.0, "fixing is undone: " + layers + " layers");
            assertThrows(IllegalArgumentException.class, () -> t.accuracyOf(new Architecture(List.of(0)), val));
        }
    }

    @Test
    void theSameSeedGivesTheSameAlpha() {
        Batches train = batches(synthetic(48, 1));
        Batches val = batches(synthetic(16, 2));
        float[] a;
        float[] b;
        try (SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {
            t.runEpoch(train, val);
            t.runEpoch(train, val);
            a = alphas(t);
        }
        try (SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {
            t.runEpoch(train, val);
            t.runEpoch(train, val);
            b = alphas(t);
        }
        assertArrayEquals(a, b);
    }

    @Test
    void resumingFromACheckpointEqualsTheUninterruptedRun() throws IOException {
        Batches train = batches(synthetic(48, 1));
        Batches val = batches(synthetic(16, 2));
        float[] straight;
        try (SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {
            for (int e = 0; e < 3; e++) t.runEpoch(train, val);
            straight = alphas(t);
        }
        try (SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {
            t.runEpoch(train, val);
            t.checkpoint(dir.resolve("ckpt"));
            t.runEpoch(train, val);
            t.checkpoint(dir.resolve("ckpt"));
        }
        // a kill while the next checkpoint replaced this one, between moving it aside and moving the new one in
        java.nio.file.Files.move(dir.resolve("ckpt"), dir.resolve("ckpt.old"));
        assertTrue(SearchTrainer.hasCheckpoint(dir.resolve("ckpt")));
        try (SearchTrainer t = SearchTrainer.resume(TINY, CONFIG, dir.resolve("ckpt"))) {
            assertEquals(2, t.epoch());
            t.runEpoch(train, val);
            assertArrayEquals(straight, alphas(t));
        }
    }

    /** A truncated state.json is a damaged checkpoint, not one "of another search space". */
    @Test
    void aTruncatedStateFileIsCalledDamaged() throws IOException {
        try (SearchTrainer t = new SearchTrainer(TINY, CONFIG)) {
            t.checkpoint(dir.resolve("ckpt"));
        }
        java.nio.file.Path state = dir.resolve("ckpt/state.json");
        String text = java.nio.file.Files.readString(state);
        java.nio.file.Files.writeString(state, text.substring(0, text.length() / 2));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.coex.accel.spec.SpecException.class, () -> SearchTrainer.resume(TINY, CONFIG, dir.resolve("ckpt")));
        assertTrue(e.problems().get(0).message().contains("it is damaged"), e.problems().toString());
    }

    @Test
    void aDivergingRunStopsWithTheSettingToLower() {
        SearchConfig wild = new SearchConfig(3, 1, 16, 1e12, 0.9, 1e-4, 0.02, PathSampler.Strategy.BINARY_GATES, 1.0, 1.0, 1, false, 5, 0);
        Batches train = new Batches(synthetic(64, 1), 16, Normalization.grey(0.3, 0.3), 0, false);
        Batches val = new Batches(synthetic(32, 2), 16, Normalization.grey(0.3, 0.3), 0, false);
        try (SearchTrainer t = new SearchTrainer(TINY, wild)) {
            TrainingDiverged d = org.junit.jupiter.api.Assertions.assertThrows(TrainingDiverged.class, () -> {
                for (int e = 0; e < 3; e++) t.runEpoch(train, val);
            });
            assertTrue(d.getMessage().contains("lower weight_lr (now 1.0E12)"), d.getMessage());
        }
    }
}
