package org.coex.evaluator.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.evaluator.data.LabelledSamples;
import org.coex.evaluator.net.HardwareLayout;
import org.coex.evaluator.api.Evaluator;

/**
 * How faithful a learned evaluator is on held-out samples (rows {@code from} to the end of the
 * dataset), measured against the analytic cost model:
 * <ul>
 *   <li>cost estimation, on each sample's own configuration: mean absolute percentage error per
 *       metric and Kendall's tau between predicted and true values (Commons Math);</li>
 *   <li>hardware generation: the true cost of the generator's configuration against the optimum,
 *       regret = objective(chosen) / objective(optimal) - 1 over samples whose optimum meets the
 *       limits; a chosen configuration that breaks a limit counts as not within any tolerance.</li>
 * </ul>
 *
 * Works for any {@link Evaluator}: the learned one, or the analytic one side by side with it.
 *
 * @param samplesPerSecond held-out samples through both measurements per second (a rough speed figure)
 * @param predicted [samples][3] predicted latency, energy, area (for parity plots); {@code truth} likewise
 */
public record Fidelity(int samples, double[] mape, double[] kendallTau, double meanRegret, double within2Percent, double chosenFeasible,
                       double samplesPerSecond, double[][] predicted, double[][] truth) {
    public static final double[] MAPE_TARGETS = {0.02, 0.02, 0.01};

    public static Fidelity measure(Evaluator ev, LabelledSamples d, int from) {
        int n = d.size() - from;
        if (n < 2) throw new IllegalArgumentException("need at least 2 held-out samples, found " + n);
        HardwareLayout layout = new HardwareLayout(d.costs().key().designSpace());
        int k = d.costs().key().encoding().length();
        double[][] pred = new double[n][];
        double[][] truth = new double[n][];
        int[] chosen = new int[n];
        long start = System.nanoTime();
        try (NDManager m = NDManager.newBaseManager()) {
            for (int b = 0; b < n; b += 4096) {
                int rows = Math.min(4096, n - b);
                float[] x = new float[rows * k];
                int[] configs = new int[rows];
                for (int r = 0; r < rows; r++) {
                    d.copyArch(from + b + r, x, r * k);
                    configs[r] = d.configIndex(from + b + r);
                }
                try (NDManager step = m.newSubManager()) {
                    NDArray xa = step.create(x, new Shape(rows, k));
                    float[] y = ev.metricsOn(xa, configs).toFloatArray();
                    float[] hw = ev.forward(xa).hardware().toFloatArray();
                    for (int r = 0; r < rows; r++) {
                        pred[b + r] = new double[] {y[r * 3], y[r * 3 + 1], y[r * 3 + 2]};
                        truth[b + r] = new double[] {d.metric(from + b + r, 0), d.metric(from + b + r, 1), d.metric(from + b + r, 2)};
                        chosen[b + r] = layout.index(layout.argmax(java.util.Arrays.copyOfRange(hw, r * layout.width(), (r + 1) * layout.width())));
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] mape = new double[3];
        double[] tau = new double[3];
        KendallsCorrelation kendall = new KendallsCorrelation();
        for (int j = 0; j < 3; j++) {
            double[] p = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = pred[i][j];
                t[i] = truth[i][j];
                mape[j] += Math.abs(p[i] - t[i]) / t[i] / n;
            }
            tau[j] = kendall.correlation(p, t);
        }
        List<HardLimit> limits = d.limits();
        double regretSum = 0;
        int counted = 0;
        int within = 0;
        int feasible = 0;
        for (int i = 0; i < n; i++) {
            int row = from + i;
            if (!d.bestMeetsLimits(row)) continue;
            counted++;
            float[] a = d.archRow(row);
            double[] p = new double[k];
            for (int q = 0; q < k; q++) p[q] = a[q];
            Metrics got = d.costs().metrics(chosen[i], p);
            if (!limits.stream().allMatch(l -> l.isMet(got))) continue;
            feasible++;
            Metrics best = d.costs().metrics(d.bestConfigIndex(row), p);
            double regret = Math.max(0, d.objective().value(got) / d.objective().value(best) - 1);
            regretSum += regret;
            if (regret <= 0.02) within++;
        }
        return new Fidelity(n, mape, tau, feasible == 0 ? Double.NaN : regretSum / feasible, counted == 0 ? Double.NaN : (double) within / counted,
                counted == 0 ? Double.NaN : (double) feasible / counted, n / seconds, pred, truth);
    }

    /** Every target of the evaluator issue met. */
    public boolean meetsTargets() {
        for (int j = 0; j < 3; j++) if (!(mape[j] <= MAPE_TARGETS[j]) || !(kendallTau[j] >= 0.95)) return false;
        return meanRegret <= 0.01 && within2Percent >= 0.9;
    }
}
