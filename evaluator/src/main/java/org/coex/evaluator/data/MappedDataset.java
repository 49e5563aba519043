package org.coex.evaluator.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.evaluator.cube.ConfigCosts;

/**
 * A dataset folder read where it lies ({@link MappedNpy}): memory independent of the number of
 * samples, rows paged in by the operating system as training and the report ask for them.
 */
final class MappedDataset implements LabelledSamples {
    private final ConfigCosts costs;
    private final Objective objective;
    private final List<HardLimit> limits;
    private final DesignSpace designSpace;
    private final MappedNpy arch;
    private final MappedNpy config;
    private final MappedNpy metrics;
    private final MappedNpy best;
    private final MappedNpy feasible;

    MappedDataset(Path dir, ConfigCosts costs, Objective objective, List<HardLimit> limits) throws IOException {
        this.costs = costs;
        this.objective = objective;
        this.limits = List.copyOf(limits);
        this.designSpace = costs.key().designSpace();
        int h = designSpace.parameters().size();
        this.arch = MappedNpy.open(dir.resolve("arch.npy"), "<f4", costs.key().encoding().length());
        this.config = MappedNpy.open(dir.resolve("config.npy"), "<i4", h);
        this.metrics = MappedNpy.open(dir.resolve("metrics.npy"), "<f8", 3);
        this.best = MappedNpy.open(dir.resolve("best_config.npy"), "<i4", h);
        this.feasible = MappedNpy.open(dir.resolve("best_feasible.npy"), "<i4", 1);
        if (arch.rows() > Integer.MAX_VALUE) throw new IOException(dir + " holds more than " + Integer.MAX_VALUE + " samples");
    }

    /**
     * One pass over every row, before training reads any: probabilities in [0, 1], value indices within
     * their parameter, metrics finite and >= 0, feasibility 0 or 1 (a damaged file is named, not trained on).
     *
     * @throws IOException naming the first file, row and column that breaks its rule
     */
    static void checkValues(Path dir, DesignSpace designSpace) throws IOException {
        int h = designSpace.parameters().size();
        MappedNpy arch = MappedNpy.open(dir.resolve("arch.npy"), "<f4", -1);   // its width is checked against the space later, by the fingerprint
        MappedNpy config = MappedNpy.open(dir.resolve("config.npy"), "<i4", h);
        MappedNpy metrics = MappedNpy.open(dir.resolve("metrics.npy"), "<f8", 3);
        MappedNpy best = MappedNpy.open(dir.resolve("best_config.npy"), "<i4", h);
        MappedNpy feasible = MappedNpy.open(dir.resolve("best_feasible.npy"), "<i4", 1);
        for (long i = 0; i < arch.rows(); i++) {
            for (int q = 0; q < arch.columns(); q++) {
                float p = arch.getFloat(i, q);   // 1e-5 above 1: float rounding of a normalised mixture
                if (!(p >= 0 && p <= 1 + 1e-5)) throw damaged(dir, "arch.npy", i, q, p, "a probability in [0, 1]");
            }
            for (int j = 0; j < h; j++) {
                int values = designSpace.parameters().get(j).size();
                int c = config.getInt(i, j);
                int b = best.getInt(i, j);
                if (c < 0 || c >= values) throw damaged(dir, "config.npy", i, j, c, "a value index below " + values);
                if (b < 0 || b >= values) throw damaged(dir, "best_config.npy", i, j, b, "a value index below " + values);
            }
            for (int m = 0; m < 3; m++) {
                double v = metrics.getDouble(i, m);
                if (!(v >= 0 && Double.isFinite(v))) throw damaged(dir, "metrics.npy", i, m, v, "a finite metric >= 0");
            }
            int f = feasible.getInt(i, 0);
            if (f != 0 && f != 1) throw damaged(dir, "best_feasible.npy", i, 0, f, "0 or 1");
        }
    }

    private static IOException damaged(Path dir, String file, long row, int column, double value, String rule) {
        return new IOException(dir.resolve(file) + ": sample " + row + ", column " + column + " holds " + (Math.abs(value) < 1e15 && value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value))
                + ", not " + rule + " (a damaged file?)");
    }

    @Override public ConfigCosts costs() { return costs; }

    @Override public Objective objective() { return objective; }

    @Override public List<HardLimit> limits() { return limits; }

    @Override public int size() { return (int) arch.rows(); }

    @Override public void copyArch(int i, float[] into, int at) {
        int k = (int) arch.columns();
        for (int q = 0; q < k; q++) into[at + q] = arch.getFloat(i, q);
    }

    @Override public int configIndex(int i) { return index(config, i); }

    @Override public double metric(int i, int m) { return metrics.getDouble(i, m); }

    @Override public int bestConfigIndex(int i) { return index(best, i); }

    @Override public boolean bestMeetsLimits(int i) { return feasible.getInt(i, 0) == 1; }

    private int index(MappedNpy choices, int i) {
        int[] c = new int[(int) choices.columns()];
        for (int j = 0; j < c.length; j++) c[j] = choices.getInt(i, j);
        return (int) designSpace.index(c);
    }
}
