package org.coex.evaluator.data;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.Well19937c;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.evaluator.cube.ConfigCosts;
import org.coex.evaluator.cube.CostCube;
import org.nd4j.common.util.ArrayUtil;

/**
 * Labelled samples for the evaluator, in memory: sample i is an op-probability vector of kind
 * {@code i mod 3} ({@link ArchSampler.Kind}), a configuration drawn uniformly from the design space
 * (redrawn if the template refuses it), that pair's true latency, energy and area, and the vector's
 * optimal configuration under the objective and hard limits (with its metrics and whether it meets
 * the limits) as {@link Optima} labels it. Samples are made in blocks of {@value #BLOCK}, each with
 * its own seeded generator, so the result depends on the seed only, not on the number of threads.
 *
 * @param metrics latency_ms, energy_uj, area_mm2 per sample (also {@code bestMetrics})
 * @param optimum how the optima were found (e.g. "exhaustive"), for the manifest
 */
public record CostDataset(ConfigCosts costs, Objective objective, List<HardLimit> limits, long seed, String optimum, float[][] arch, int[] kind,
                          int[] config, double[][] metrics, int[] bestConfig, double[][] bestMetrics, boolean[] bestFeasible) {
    private static final int MAX_REDRAWS = 1000;
    static final int BLOCK = 2048;
    public static final List<String> METRIC_COLUMNS = List.of("latency_ms", "energy_uj", "area_mm2");

    public int size() { return arch.length; }

    /** Over a whole cost cube, optima by exhaustive search ({@link OptimalConfigs}). */
    public static CostDataset generate(CostCube cube, int samples, long seed, Objective objective, List<HardLimit> limits, ProgressListener progress) {
        return generate(cube, new OptimalConfigs(cube, objective, limits), samples, seed, objective, limits, progress);
    }

    public static CostDataset generate(ConfigCosts costs, Optima optimum, int samples, long seed, Objective objective,
                                       List<HardLimit> limits, ProgressListener progress) {
        if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, found " + samples);
        float[][] arch = new float[samples][];
        int[] kind = new int[samples];
        int[] config = new int[samples];
        double[][] metrics = new double[samples][];
        int[] best = new int[samples];
        double[][] bestMetrics = new double[samples][];
        boolean[] feasible = new boolean[samples];
        int blocks = (samples + BLOCK - 1) / BLOCK;
        AtomicLong done = new AtomicLong();
        IntStream.range(0, blocks).parallel().forEach(b -> {
            Well19937c rng = new Well19937c(seed * 0x9E3779B97F4A7C15L + b);
            ArchSampler sampler = new ArchSampler(costs.key().encoding(), rng);
            int from = b * BLOCK;
            int to = Math.min(samples, from + BLOCK);
            double[][] p = new double[to - from][];
            for (int i = from; i < to; i++) {
                kind[i] = i % 3;
                p[i - from] = sampler.draw(ArchSampler.Kind.values()[kind[i]]);
                config[i] = acceptedConfig(costs, rng);
                metrics[i] = row(costs.metrics(config[i], p[i - from]));
                arch[i] = ArrayUtil.toFloats(p[i - from]);
            }
            Optima.Choice[] choices = optimum.best(p);
            for (int i = from; i < to; i++) {
                best[i] = choices[i - from].config();
                bestMetrics[i] = row(choices[i - from].metrics());
                feasible[i] = choices[i - from].feasible();
            }
            progress.progress(done.addAndGet(to - from), samples);
        });
        return new CostDataset(costs, objective, List.copyOf(limits), seed, optimum.method(), arch, kind, config, metrics, best, bestMetrics, feasible);
    }

    private static int acceptedConfig(ConfigCosts costs, Well19937c rng) {
        IllegalArgumentException last = null;
        for (int t = 0; t < MAX_REDRAWS; t++) {
            int c = rng.nextInt(costs.configCount());
            try {
                costs.row(c);
                return c;
            } catch (IllegalArgumentException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException("the template refused " + MAX_REDRAWS + " random configurations in a row (" + last.getMessage()
                + "); narrow the design space");
    }

    static double[] row(Metrics m) { return new double[] {m.latencyMs(), m.energyUj(), m.areaMm2()}; }

}
