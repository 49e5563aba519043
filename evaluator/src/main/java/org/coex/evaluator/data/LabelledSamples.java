package org.coex.evaluator.data;

import java.util.List;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.evaluator.cube.ConfigCosts;

/**
 * Labelled samples as training and the fidelity report read them, row by row, whether they are held
 * in memory ({@link CostDataset}) or read from a dataset folder where it lies ({@link DatasetFiles#read}).
 * Metric columns: latency_ms, energy_uj, area_mm2 ({@link CostDataset#METRIC_COLUMNS}).
 */
public interface LabelledSamples {
    ConfigCosts costs();

    Objective objective();

    List<HardLimit> limits();

    int size();

    /** Copies sample i's op (and width) probabilities into {@code into} from index {@code at} (a batch's row, no allocation). */
    void copyArch(int i, float[] into, int at);

    /** Sample i's op (and width) probabilities, a new array. */
    default float[] archRow(int i) {
        float[] row = new float[costs().key().encoding().length()];
        copyArch(i, row, 0);
        return row;
    }

    /** Sample i's drawn configuration (index into the design space). */
    int configIndex(int i);

    /** Metric m of (arch, configuration) for sample i. */
    double metric(int i, int m);

    /** Sample i's optimal configuration under the objective and limits. */
    int bestConfigIndex(int i);

    /** Whether sample i's optimal configuration meets every limit. */
    boolean bestMeetsLimits(int i);
}
