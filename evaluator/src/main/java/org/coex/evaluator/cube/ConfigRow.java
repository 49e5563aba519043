package org.coex.evaluator.cube;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.HwConfig;
import org.coex.accel.template.Accelerator;
import org.coex.accel.workload.Layer;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.CostTerms;

/**
 * One configuration's costs for a search space: clock, area, the fixed layers' cycles and energy,
 * and the cycles and energy of every {@link CostTerms} term (candidate j of layer i at
 * {@link ArchEncoding#offset}(i) + j when the space searches no width). For term weights
 * w = w(p) of choice probabilities p,
 * <pre>  cycles(p) = fixedCycles + sum_t w_t cycles[t]   (the same for energy)</pre>
 * Arrays are never handed out.
 */
public final class ConfigRow {
    private final HwConfig config;
    private final double clockMhz;
    private final double areaMm2;
    private final double fixedCycles;
    private final double fixedEnergyPj;
    private final double[] cycles;
    private final double[] energyPj;

    private ConfigRow(HwConfig config, double clockMhz, double areaMm2, double fixedCycles, double fixedEnergyPj, double[] cycles, double[] energyPj) {
        this.config = config;
        this.clockMhz = clockMhz;
        this.areaMm2 = areaMm2;
        this.fixedCycles = fixedCycles;
        this.fixedEnergyPj = fixedEnergyPj;
        this.cycles = cycles;
        this.energyPj = energyPj;
    }

    /** Costs every term of a space on {@code acc}, each distinct layer shape once (layers of a stage repeat shapes). */
    public static ConfigRow of(CostTerms terms, Accelerator acc) {
        Map<Layer, LayerCost> memo = new HashMap<>();
        double fc = 0;
        double fe = 0;
        for (Layer l : terms.fixed()) {
            LayerCost lc = cost(acc, l, memo);
            fc += lc.cycles();
            fe += lc.totalEnergyPj();
        }
        List<CostTerms.Term> all = terms.terms();
        double[] cyc = new double[all.size()];
        double[] en = new double[all.size()];
        for (int t = 0; t < all.size(); t++) {
            for (Layer l : all.get(t).layers()) {
                LayerCost lc = cost(acc, l, memo);
                cyc[t] += lc.cycles();
                en[t] += lc.totalEnergyPj();
            }
        }
        double area = acc.areaUm2().values().stream().mapToDouble(Double::doubleValue).sum() / 1e6;
        return new ConfigRow(acc.config(), acc.clockMhz(), area, fc, fe, cyc, en);
    }

    private static LayerCost cost(Accelerator acc, Layer l, Map<Layer, LayerCost> memo) {
        return memo.computeIfAbsent(l.withName("shape"), acc::evaluate);
    }

    public HwConfig config() { return config; }

    /** Terms. */
    public int width() { return cycles.length; }

    /** Metrics under term weights w ({@link CostTerms#weights}; the one-hot vector itself when the space searches no width). */
    public Metrics metrics(double[] w) {
        if (w.length != cycles.length) throw new IllegalArgumentException("vector has " + w.length + " entries, the terms " + cycles.length);
        double cyc = fixedCycles;
        double pj = fixedEnergyPj;
        for (int k = 0; k < w.length; k++) {
            cyc += w[k] * cycles[k];
            pj += w[k] * energyPj[k];
        }
        return Metrics.ofHeadline(cyc / (clockMhz * 1000.0), pj / 1e6, areaMm2);
    }

    /** Latency (ms) of every term: the row of the linear map, for matrix products. */
    public double[] latencyRow() { return scaled(cycles, 1 / (clockMhz * 1000.0)); }

    /** Energy (uJ) of every term. */
    public double[] energyRow() { return scaled(energyPj, 1e-6); }
    public double fixedLatencyMs() { return fixedCycles / (clockMhz * 1000.0); }

    public double fixedEnergyUj() { return fixedEnergyPj / 1e6; }

    public double areaMm2() { return areaMm2; }

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * f;
        return out;
    }
}
