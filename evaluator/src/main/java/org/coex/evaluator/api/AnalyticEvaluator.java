package org.coex.evaluator.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.Parameter;
import org.coex.evaluator.cube.ConfigRow;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.data.OptimalConfigs;
import org.coex.nas.hw.TermWeights;
import org.coex.nas.space.Architecture;
import org.coex.nas.supernet.TorchScalars;

/**
 * The exact evaluator: costs are linear in the term weights W = w(P) of the choice probabilities
 * ({@link CostCube}, {@link TermWeights}: W = P when no width is searched, an exact polynomial in P
 * when one is), so for a batch P [B, K] every configuration's latency is W L^T + l0 [B, C] (energy
 * likewise) and area is a constant row. On a fixed configuration the metrics are that column. Choosing hardware, it weights
 * configurations by a soft-min, w = softmax(-s / T) with score
 * s_c = log(objective_c) + penalty * sum over limits of relative violation, and returns the
 * w-weighted metrics: differentiable in P, and the best feasible configuration's as T -> 0.
 * Holds the cube as float32 NDArrays in its own manager; close it when done.
 */
public final class AnalyticEvaluator implements Evaluator, AutoCloseable {
    private final CostCube cube;
    private final Objective objective;
    private final List<HardLimit> limits;
    private final double temperature;
    private final double penalty;
    private final int fixedConfig;
    private final NDManager manager;
    private final NDArray latencyT;
    private final NDArray energyT;
    private final NDArray fixedLatency;
    private final NDArray fixedEnergy;
    private final NDArray area;
    private final NDArray valueIndicator;
    private final NDArray fixedRow;
    private final TermWeights termWeights;
    private OptimalConfigs optima;

    private AnalyticEvaluator(CostCube cube, Objective objective, List<HardLimit> limits, double temperature, double penalty, int fixedConfig) {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, found " + temperature);
        this.cube = cube;
        this.objective = objective;
        this.limits = List.copyOf(limits);
        this.temperature = temperature;
        this.penalty = penalty;
        this.fixedConfig = fixedConfig;
        this.manager = NDManager.newBaseManager();
        int c = cube.configCount();
        int k = cube.terms().terms().size();
        float[] lat = new float[k * c];
        float[] en = new float[k * c];
        float[] fl = new float[c];
        float[] fe = new float[c];
        float[] ar = new float[c];
        List<Parameter> params = cube.key().designSpace().parameters();
        int values = params.stream().mapToInt(Parameter::size).sum();
        float[] ind = new float[c * values];
        for (int j = 0; j < c; j++) {
            ConfigRow row = cube.row(j);
            double[] lr = row.latencyRow();
            double[] er = row.energyRow();
            for (int i = 0; i < k; i++) {
                lat[i * c + j] = (float) lr[i];
                en[i * c + j] = (float) er[i];
            }
            fl[j] = (float) row.fixedLatencyMs();
            fe[j] = (float) row.fixedEnergyUj();
            ar[j] = (float) row.areaMm2();
            int[] choice = cube.key().designSpace().choices(j);
            int offset = 0;
            for (int p = 0; p < params.size(); p++) {
                ind[j * values + offset + choice[p]] = 1;
                offset += params.get(p).size();
            }
        }
        this.latencyT = manager.create(lat, new Shape(k, c));
        this.energyT = manager.create(en, new Shape(k, c));
        this.fixedLatency = manager.create(fl, new Shape(1, c));
        this.fixedEnergy = manager.create(fe, new Shape(1, c));
        this.area = manager.create(ar, new Shape(1, c));
        this.valueIndicator = manager.create(ind, new Shape(c, values));
        float[] hot = new float[c];
        if (fixedConfig >= 0) hot[fixedConfig] = 1;
        this.fixedRow = manager.create(hot, new Shape(1, c));
        this.termWeights = new TermWeights(cube.terms(), manager);
    }

    /** On one configuration of the cube (the fixed-accelerator case). */
    public static AnalyticEvaluator fixed(CostCube cube, int config) {
        if (config < 0 || config >= cube.configCount()) throw new IllegalArgumentException("configuration " + config + " outside 0.." + (cube.configCount() - 1));
        return new AnalyticEvaluator(cube, Objective.of(Metrics.Name.LATENCY), List.of(), 1, 0, config);
    }

    /** Choosing the configuration by soft-min of log(objective) + penalty * violation at temperature T. */
    public static AnalyticEvaluator choosing(CostCube cube, Objective objective, List<HardLimit> limits, double temperature, double penalty) {
        return new AnalyticEvaluator(cube, objective, limits, temperature, penalty, -1);
    }

    @Override public Prediction forward(NDArray probabilities) {
        NDArray x = termWeights(probabilities);
        NDArray lat = x.matMul(latencyT).add(fixedLatency);
        NDArray en = x.matMul(energyT).add(fixedEnergy);
        NDArray ones = x.sum(new int[] {1}, true).zerosLike().add(1f).stopGradient();   // [B, 1]; products with it stay in the input's manager
        NDArray ar = ones.matMul(area);
        NDArray w;
        if (fixedConfig >= 0) {
            w = ones.matMul(fixedRow);
        } else {
            NDArray score = objective(lat, en, ar).log();
            for (HardLimit l : limits) {
                NDArray over = l.metric() == Metrics.Name.FPS ? TorchScalars.times(TorchScalars.power(lat, -1), -1000).add((float) l.bound())
                        : metric(l.metric(), lat, en, ar).sub((float) l.bound());
                score = score.add(TorchScalars.times(TorchScalars.atLeast(over, 0), penalty / l.bound()));
            }
            w = TorchScalars.dividedBy(score, -temperature).softmax(1);
        }
        return new Prediction(w.mul(lat).sum(new int[] {1}), w.mul(en).sum(new int[] {1}), w.mul(ar).sum(new int[] {1}), w.matMul(valueIndicator));
    }

    @Override public NDArray metricsOn(NDArray probabilities, int[] configs) {
        NDArray x = termWeights(probabilities);
        float[] hot = new float[configs.length * cube.configCount()];
        for (int r = 0; r < configs.length; r++) hot[r * cube.configCount() + configs[r]] = 1;
        NDArray w = x.getManager().create(hot, new Shape(configs.length, cube.configCount()));
        NDArray lat = x.matMul(latencyT).add(fixedLatency).mul(w).sum(new int[] {1}, true);
        NDArray en = x.matMul(energyT).add(fixedEnergy).mul(w).sum(new int[] {1}, true);
        NDArray ar = w.matMul(area.transpose());
        return lat.concat(en, 1).concat(ar, 1);
    }

    /** W = w(P) [B, T] for P [B, K] or [K]. */
    private NDArray termWeights(NDArray probabilities) {
        return termWeights.apply(probabilities.getShape().dimension() == 1 ? probabilities.reshape(1, -1) : probabilities);
    }

    private NDArray objective(NDArray lat, NDArray en, NDArray ar) {
        NDArray total = null;
        for (var e : objective.weights().entrySet()) {
            NDArray term = TorchScalars.times(metric(e.getKey(), lat, en, ar), e.getValue());
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    private static NDArray metric(Metrics.Name name, NDArray lat, NDArray en, NDArray ar) {
        return new Prediction(lat, en, ar, null).metric(name);
    }

    /**
     * Fixed: that configuration; choosing: the exact optimum (the T -> 0 limit of the soft-min), the
     * objective-best configuration within every limit, or the least violating when none is. The
     * metrics are the cube's own, in double precision: what the final check of a search measures.
     */
    @Override public Choice predict(Architecture architecture) {
        double[] p = cube.key().encoding().oneHot(architecture);
        int c = fixedConfig >= 0 ? fixedConfig : optima().best(new double[][] {p})[0].config();
        return new Choice(cube.config(c), cube.metrics(c, p));
    }

    /** Built on first use (a search asks at every architecture step) and kept. */
    private synchronized OptimalConfigs optima() {
        if (optima == null) optima = new OptimalConfigs(cube, objective, limits);
        return optima;
    }

    @Override public void close() { manager.close(); }
}
