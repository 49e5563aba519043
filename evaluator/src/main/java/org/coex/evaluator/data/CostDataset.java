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
                          int[] config, double[][] metrics, int[] bestConfig, double[][] bestMetrics, boolean[] bestFeasible) implements LabelledSamples {
    private static final int MAX_REDRAWS = 1000;
    /** Samples drawn from one seeded generator: sample i belongs to block i / BLOCK. */
    public static final int BLOCK = 2048;
    public static final List<String> METRIC_COLUMNS = List.of("latency_ms", "energy_uj", "area_mm2");

    @Override public int size() { return arch.length; }

    @Override public void copyArch(int i, float[] into, int at) { System.arraycopy(arch[i], 0, into, at, arch[i].length); }

    @Override public int configIndex(int i) { return config[i]; }

    @Override public double metric(int i, int m) { return metrics[i][m]; }

    @Override public int bestConfigIndex(int i) { return bestConfig[i]; }

    @Override public boolean bestMeetsLimits(int i) { return bestFeasible[i]; }

    /** Over a whole cost cube, optima by exhaustive search ({@link OptimalConfigs}). */
    public static CostDataset generate(CostCube cube, int samples, long seed, Objective objective, List<HardLimit> limits, ProgressListener progress) {
        return generate(cube, new OptimalConfigs(cube, objective, limits), samples, seed, objective, limits, progress);
    }

    public static CostDataset generate(ConfigCosts costs, Optima optimum, int samples, long seed, Objective objective,
                                       List<HardLimit> limits, ProgressListener progress) {
        if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, found " + samples);
        return generate(costs, optimum, 0, samples, seed, objective, limits, progress);
    }

    /**
     * Samples {@code from} to {@code from + count - 1} of the dataset of this seed (row r of the result
     * is sample from + r): the same rows whichever range they are made in, so a dataset made chunk by
     * chunk, or continued after a stop, equals one made at once.
     *
     * @param from a multiple of {@link #BLOCK}
     */
    public static CostDataset generate(ConfigCosts costs, Optima optimum, long from, int count, long seed, Objective objective,
                                       List<HardLimit> limits, ProgressListener progress) {
        if (from % BLOCK != 0) throw new IllegalArgumentException("a range starts at a multiple of " + BLOCK + ", not " + from);
        float[][] arch = new float[count][];
        int[] kind = new int[count];
        int[] config = new int[count];
        double[][] metrics = new double[count][];
        int[] best = new int[count];
        double[][] bestMetrics = new double[count][];
        boolean[] feasible = new boolean[count];
        int blocks = (count + BLOCK - 1) / BLOCK;
        AtomicLong done = new AtomicLong();
        IntStream.range(0, blocks).parallel().forEach(b -> {
            Well19937c rng = new Well19937c(seed * 0x9E3779B97F4A7C15L + from / BLOCK + b);
            ArchSampler sampler = new ArchSampler(costs.key().encoding(), rng);
            int first = b * BLOCK;
            int end = Math.min(count, first + BLOCK);
            double[][] p = new double[end - first][];
            for (int i = first; i < end; i++) {
                kind[i] = (int) ((from + i) % 3);
                p[i - first] = sampler.draw(ArchSampler.Kind.values()[kind[i]]);
                config[i] = acceptedConfig(costs, rng);
                metrics[i] = row(costs.metrics(config[i], p[i - first]));
                arch[i] = ArrayUtil.toFloats(p[i - first]);
            }
            Optima.Choice[] choices = optimum.best(p);
            for (int i = first; i < end; i++) {
                best[i] = choices[i - first].config();
                bestMetrics[i] = row(choices[i - first].metrics());
                feasible[i] = choices[i - first].feasible();
            }
            progress.progress(done.addAndGet(end - first), count);
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
