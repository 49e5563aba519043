package org.coex.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.Objective;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.evaluator.api.AnalyticEvaluator;
import org.coex.evaluator.api.Evaluator;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.cube.CostCubeBuilder;
import org.coex.evaluator.data.ArchSampler;
import org.coex.evaluator.net.HardwareLayout;
import org.coex.evaluator.net.LearnedEvaluator;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.supernet.TorchRuntime;

/**
 * Experiment driver for the evaluator's speed targets on the default search space and spatial
 * design space: batched prediction (architectures per second, batch 4,096) and one forward +
 * backward pass for a single architecture (median of 2,000), for the learned evaluator (widths
 * 256, 256, 256; speed does not depend on the weights' values) and the analytic one. Run:
 * {@code java -Dai.djl.offline=true -cp benchmarks/target/benchmarks.jar org.coex.benchmarks.EvaluatorSpeedRun [threads]}
 */
public final class EvaluatorSpeedRun {
    private EvaluatorSpeedRun() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        TorchRuntime.useThreads(threads);
        TorchRuntime.configure();
        SearchSpace space = SearchSpace.fashionMnistDefault();
        SpatialTemplate t = new SpatialTemplate();
        long start = System.nanoTime();
        CostCube cube = CostCubeBuilder.build(space, t, t.defaultSpace(), TechnologyTables.preset(TechnologyTables.DEFAULT), TechnologyTables.DEFAULT,
                ProgressListener.NONE);
        System.out.printf("cost cube: %d entries x %d configurations in %.1f s; %d PyTorch threads%n", cube.width(), cube.configCount(),
                (System.nanoTime() - start) / 1e9, TorchRuntime.threads());
        double[] ones = {0, 0, 0};
        try (LearnedEvaluator learned = new LearnedEvaluator(space.encoding(), new HardwareLayout(t.defaultSpace()),
                new LearnedEvaluator.Scaling(ones, new double[] {1, 1, 1}), new int[] {256, 256, 256});
             AnalyticEvaluator analytic = AnalyticEvaluator.choosing(cube, Objective.of(Metrics.Name.LATENCY), List.of(), 0.05, 10)) {
            for (var e : List.<Evaluator>of(learned, analytic)) {
                String name = e instanceof LearnedEvaluator ? "learned " : "analytic";
                System.out.printf("%s: batched prediction %,.0f architectures/s; single forward + backward median %.3f ms%n", name, throughput(e, space),
                        singleStepMs(e, space));
            }
        }
    }

    static float[] samples(SearchSpace space, int n) {
        ArchSampler s = new ArchSampler(space.encoding(), new Well19937c(1));
        int k = space.encoding().length();
        float[] f = new float[n * k];
        for (int i = 0; i < n; i++) {
            double[] p = s.draw(ArchSampler.Kind.values()[i % 3]);
            for (int j = 0; j < k; j++) f[i * k + j] = (float) p[j];
        }
        return f;
    }

    /** Architectures per second over 40 batches of 4,096 after 5 warm-up batches, no gradient recorded. */
    static double throughput(Evaluator e, SearchSpace space) {
        int batch = 4096;
        int k = space.encoding().length();
        float[] x = samples(space, batch);
        try (NDManager m = NDManager.newBaseManager()) {
            long start = 0;
            for (int r = 0; r < 45; r++) {
                if (r == 5) start = System.nanoTime();
                try (NDManager step = m.newSubManager()) {
                    e.forward(step.create(x, new Shape(batch, k))).latencyMs().toFloatArray();
                }
            }
            return 40.0 * batch / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Median time of forward + backward (d latency / d p) for one architecture, over 2,000 after 200 warm-up. */
    static double singleStepMs(Evaluator e, SearchSpace space) {
        int k = space.encoding().length();
        float[] x = samples(space, 1);
        double[] ms = new double[2000];
        try (NDManager m = NDManager.newBaseManager()) {
            for (int r = 0; r < 2200; r++) {
                long t0 = System.nanoTime();
                try (NDManager step = m.newSubManager()) {
                    NDArray p = step.create(x, new Shape(1, k));
                    p.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(e.forward(p).latencyMs().sum());
                    }
                    p.getGradient().toFloatArray();
                }
                if (r >= 200) ms[r - 200] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
