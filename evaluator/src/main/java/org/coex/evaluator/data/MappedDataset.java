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
