package org.coex.evaluator.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.interop.OutputDirectory;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.spec.SpecException;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.evaluator.TinyCubes;
import org.coex.evaluator.api.Evaluator;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.data.CostDataset;
import org.coex.evaluator.net.EvaluatorFiles;
import org.coex.evaluator.net.LearnedEvaluator;
import org.coex.evaluator.report.Fidelity;
import org.coex.nas.space.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTrainerTest {
    static final DesignSpace DS = DesignSpace.of(Parameter.of("pe_rows", 4, 8), Parameter.of("pe_cols", 6, 14), Parameter.of("dataflow", "ws", "rs"));
    static final CostCube CUBE = TinyCubes.cube(new SpatialTemplate(), DS);
    static final EvaluatorTrainer.Config CONFIG = new EvaluatorTrainer.Config(12, 256, 3e-3, 0.1, 1, new int[] {64, 64});

    @TempDir Path dir;

    @Test
    void trainingLearnsTheCostModelAndTheOptimalHardwareAndSurvivesSaveAndLoad() throws Exception {
        CostDataset d = CostDataset.generate(CUBE, 12_000, 5, Objective.of(Metrics.Name.LATENCY), List.of(), ProgressListener.NONE);
        List<EvaluatorTrainer.Epoch> epochs = new ArrayList<>();
        try (LearnedEvaluator ev = EvaluatorTrainer.train(d, CONFIG, epochs::add)) {
            assertTrue(epochs.get(11).estimatorLoss() < epochs.get(0).estimatorLoss() / 5, epochs.toString());
            Fidelity f = Fidelity.measure(ev, d, EvaluatorTrainer.trainCount(d, CONFIG));
            assertEquals(1200, f.samples());
            // far from the targets (a tiny model, seconds of training), far better than guessing
            assertTrue(f.mape()[0] < 0.15 && f.mape()[1] < 0.15, "MAPE " + java.util.Arrays.toString(f.mape()));
            assertTrue(f.kendallTau()[0] > 0.8, "tau " + java.util.Arrays.toString(f.kendallTau()));
            assertTrue(f.within2Percent() > 0.5, "within 2 %: " + f.within2Percent());
            OutputDirectory.writeAtomically(dir, EvaluatorFiles.files(ev, CUBE.key(), CONFIG.hidden(), EvaluatorTrainer.trainCount(d, CONFIG)));
            Architecture a = new Architecture(List.of(1, 2, 3, 4));
            try (LearnedEvaluator loaded = EvaluatorFiles.load(dir, CUBE.key())) {
                assertEquals(ev.predict(a), loaded.predict(a));
                assertEquals(10_800, EvaluatorFiles.firstHeldOut(dir));
            }
            CostCube other = TinyCubes.cube(new SpatialTemplate(), DS.with(Parameter.of("pe_rows", 4, 16)));
            SpecException e = assertThrows(SpecException.class, () -> EvaluatorFiles.load(dir, other.key()));
            assertTrue(e.problems().get(0).toString().contains("design_space"), e.problems().toString());
        }
    }

    /** An untrained evaluator for CUBE's spaces written to {@code folder}, with {@code damage} applied to its parameters first. */
    static void writeUntrained(Path folder, java.util.function.Consumer<LearnedEvaluator> damage) throws IOException {
        try (LearnedEvaluator ev = new LearnedEvaluator(CUBE.key().encoding(), new org.coex.evaluator.net.HardwareLayout(CUBE.key().designSpace()),
                new LearnedEvaluator.Scaling(new double[] {-4, 2, 0}, new double[] {1, 1, 1}), CONFIG.hidden())) {
            damage.accept(ev);
            OutputDirectory.writeAtomically(folder, EvaluatorFiles.files(ev, CUBE.key(), CONFIG.hidden(), 0));
        }
    }

    static String loadProblem(Path folder) {
        return assertThrows(SpecException.class, () -> EvaluatorFiles.load(folder, CUBE.key()).close()).getMessage();
    }

    @Test
    void aDamagedEvaluatorFolderIsOneLineNamingTheFileNotAStackTraceOrNaNCosts() throws Exception {
        writeUntrained(dir.resolve("ok"), ev -> { });
        EvaluatorFiles.load(dir.resolve("ok"), CUBE.key()).close();
        Path params = dir.resolve("ok/estimator.params");
        byte[] good = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(good, good.length - 10));
        assertTrue(loadProblem(dir.resolve("ok")).contains("estimator.params: evaluator: damaged or not this evaluator's parameters (the file ends before its last parameter)"));
        Files.write(params, java.util.Arrays.copyOf(good, good.length + 10));
        assertTrue(loadProblem(dir.resolve("ok")).contains("it holds more than this evaluator's parameters"));
        Files.write(params, good);
        Path json = dir.resolve("ok/evaluator.json");
        String settings = Files.readString(json);
        Files.writeString(json, settings.replaceFirst("\"hidden\" : \\[[^]]*]", "\"hidden\" : [ 64 ]"));
        assertTrue(loadProblem(dir.resolve("ok")).contains("generator.params: evaluator: damaged or not this evaluator's parameters"));
        Files.writeString(json, settings.substring(0, settings.length() / 2));
        assertTrue(loadProblem(dir.resolve("ok")).contains("evaluator.json:") && loadProblem(dir.resolve("ok")).contains("not valid JSON"));
        Files.writeString(json, settings.replace("log_std", "log_sd"));
        assertTrue(loadProblem(dir.resolve("ok")).contains("log_std: must list three finite numbers above 0"));

        writeUntrained(dir.resolve("nan"), ev -> ev.generator().getParameters().valueAt(0).getArray().muli(Float.NaN));
        assertTrue(loadProblem(dir.resolve("nan")).contains("generator.params: evaluator: damaged or not this evaluator's parameters (a parameter is NaN or infinite)"));
        writeUntrained(dir.resolve("huge"), ev -> ev.estimator().getParameters().forEach(p -> p.getValue().getArray().muli(1e30f)));
        assertTrue(loadProblem(dir.resolve("huge")).contains("its predictions for the uniform architecture mixture are not finite"));
    }

    @Test
    void aLearningRateSoHighTheLossIsNoLongerANumberStopsTrainingNamingIt() {
        CostDataset d = CostDataset.generate(CUBE, 600, 5, Objective.of(Metrics.Name.LATENCY), List.of(), ProgressListener.NONE);
        var tooHigh = new EvaluatorTrainer.Config(2, 256, 1e11, 0.1, 1, new int[] {64, 64});
        var e = assertThrows(org.coex.nas.train.TrainingDiverged.class, () -> EvaluatorTrainer.train(d, tooHigh, epoch -> { }).close());
        assertTrue(e.getMessage().contains("lower --lr (now 1.0E11)"), e.getMessage());
    }

    @Test
    void trainingOnAFolderReadFromDiskEqualsTrainingInMemory() throws Exception {
        CostDataset d = CostDataset.generate(CUBE, 3000, 6, Objective.of(Metrics.Name.ENERGY), List.of(), ProgressListener.NONE);
        org.coex.evaluator.data.DatasetFiles.write(d, dir.resolve("data"));
        var onDisk = org.coex.evaluator.data.DatasetFiles.read(dir.resolve("data"), CUBE);
        var config = new EvaluatorTrainer.Config(2, 256, 3e-3, 0.2, 4, new int[] {32});
        Architecture a = new Architecture(List.of(0, 2, 4, 1));
        try (LearnedEvaluator inMemory = EvaluatorTrainer.train(d, config, e -> { }); LearnedEvaluator fromDisk = EvaluatorTrainer.train(onDisk, config, e -> { })) {
            assertEquals(inMemory.predict(a), fromDisk.predict(a));
            Fidelity f1 = Fidelity.measure(inMemory, d, EvaluatorTrainer.trainCount(d, config));
            Fidelity f2 = Fidelity.measure(fromDisk, onDisk, EvaluatorTrainer.trainCount(onDisk, config));
            assertEquals(java.util.Arrays.toString(f1.mape()), java.util.Arrays.toString(f2.mape()));
            assertEquals(f1.meanRegret(), f2.meanRegret());
        }
    }

    @Test
    void gradientsReachTheArchitectureThroughBothNetworks() {
        CostDataset d = CostDataset.generate(CUBE, 600, 2, Objective.of(Metrics.Name.ENERGY), List.of(), ProgressListener.NONE);
        var config = new EvaluatorTrainer.Config(1, 128, 1e-3, 0.5, 3, new int[] {16});
        try (LearnedEvaluator ev = EvaluatorTrainer.train(d, config, e -> { }); NDManager m = NDManager.newBaseManager()) {
            double[] hot = TinyCubes.SPACE.encoding().oneHot(new Architecture(List.of(0, 1, 2, 3)));
            float[] p = new float[hot.length];
            for (int i = 0; i < p.length; i++) p[i] = (float) hot[i];
            NDArray x = m.create(p, new Shape(1, p.length));
            x.setRequiresGradient(true);
            Evaluator.Prediction out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = ev.forward(x);
                gc.backward(out.latencyMs().sum());
            }
            float[] g = x.getGradient().toFloatArray();
            int nonZero = 0;
            for (float v : g) if (v != 0 && Float.isFinite(v)) nonZero++;
            assertEquals(p.length, nonZero, java.util.Arrays.toString(g));
            float[] hw = out.hardware().toFloatArray();
            assertArrayEquals(new float[] {1, 1, 1}, new float[] {hw[0] + hw[1], hw[2] + hw[3], hw[4] + hw[5]}, 1e-6f);   // one-hot per parameter
        }
    }
}
