package org.coex.evaluator.data;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.Well19937c;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.evaluator.cube.CostCube;

/**
 * Labelled samples for the evaluator, in memory: sample i is an op-probability vector of kind
 * {@code i mod 3} ({@link ArchSampler.Kind}), a configuration drawn uniformly from the cube, that
 * pair's true latency, energy and area, and the vector's optimal configuration under the objective
 * and hard limits (with its metrics and whether it meets the limits). Samples are made in blocks of
 * {@value #BLOCK}, each with its own seeded generator, so the result depends on the seed only, not
 * on the number of threads.
 *
 * @param metrics latency_ms, energy_uj, area_mm2 per sample (also {@code bestMetrics})
 */
public record CostDataset(CostCube cube, Objective objective, List<HardLimit> limits, long seed, float[][] arch, int[] kind, int[] config,
                          double[][] metrics, int[] bestConfig, double[][] bestMetrics, boolean[] bestFeasible) {
    static final int BLOCK = 2048;
    public static final List<String> METRIC_COLUMNS = List.of("latency_ms", "energy_uj", "area_mm2");

    public int size() { return arch.length; }

    public static CostDataset generate(CostCube cube, int samples, long seed, Objective objective, List<HardLimit> limits, ProgressListener progress) {
        if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, found " + samples);
        float[][] arch = new float[samples][];
        int[] kind = new int[samples];
        int[] config = new int[samples];
        double[][] metrics = new double[samples][];
        int[] best = new int[samples];
        double[][] bestMetrics = new double[samples][];
        boolean[] feasible = new boolean[samples];
        OptimalConfigs optimum = new OptimalConfigs(cube, objective, limits);
        int blocks = (samples + BLOCK - 1) / BLOCK;
        AtomicLong done = new AtomicLong();
        IntStream.range(0, blocks).parallel().forEach(b -> {
            Well19937c rng = new Well19937c(seed * 0x9E3779B97F4A7C15L + b);
            ArchSampler sampler = new ArchSampler(cube.key().encoding(), rng);
            int from = b * BLOCK;
            int to = Math.min(samples, from + BLOCK);
            double[][] p = new double[to - from][];
            for (int i = from; i < to; i++) {
                kind[i] = i % 3;
                p[i - from] = sampler.draw(ArchSampler.Kind.values()[kind[i]]);
                config[i] = rng.nextInt(cube.configCount());
                metrics[i] = row(cube.metrics(config[i], p[i - from]));
                arch[i] = toFloat(p[i - from]);
            }
            OptimalConfigs.Choice[] choices = optimum.best(p);
            for (int i = from; i < to; i++) {
                best[i] = choices[i - from].config();
                bestMetrics[i] = row(choices[i - from].metrics());
                feasible[i] = choices[i - from].feasible();
            }
            progress.progress(done.addAndGet(to - from), samples);
        });
        return new CostDataset(cube, objective, List.copyOf(limits), seed, arch, kind, config, metrics, best, bestMetrics, feasible);
    }

    static double[] row(Metrics m) { return new double[] {m.latencyMs(), m.energyUj(), m.areaMm2()}; }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}
