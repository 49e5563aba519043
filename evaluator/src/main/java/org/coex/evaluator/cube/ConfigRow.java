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
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;

/**
 * One configuration's costs for a search space: clock, area, the fixed layers' cycles and energy,
 * and the cycles and energy of every encoding entry (candidate j of layer i at
 * {@link ArchEncoding#offset}(i) + j). For per-layer op probabilities p,
 * <pre>  cycles(p) = fixedCycles + sum_k p_k cycles[k]   (the same for energy)</pre>
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

    /** Costs every candidate of {@code space} on {@code acc}, each distinct layer shape once (layers of a stage repeat shapes). */
    public static ConfigRow of(SearchSpace space, Accelerator acc) {
        ArchEncoding encoding = space.encoding();
        Map<Layer, LayerCost> memo = new HashMap<>();
        double fc = 0;
        double fe = 0;
        for (Layer l : space.fixedLayers()) {
            LayerCost lc = cost(acc, l, memo);
            fc += lc.cycles();
            fe += lc.totalEnergyPj();
        }
        double[] cyc = new double[encoding.length()];
        double[] en = new double[encoding.length()];
        for (SearchableLayer sl : space.layers()) {
            List<org.coex.nas.space.Op> candidates = sl.candidates();
            for (int j = 0; j < candidates.size(); j++) {
                int k = encoding.offset(sl.index()) + j;
                for (Layer l : sl.accelLayers(candidates.get(j))) {
                    LayerCost lc = cost(acc, l, memo);
                    cyc[k] += lc.cycles();
                    en[k] += lc.totalEnergyPj();
                }
            }
        }
        double area = acc.areaUm2().values().stream().mapToDouble(Double::doubleValue).sum() / 1e6;
        return new ConfigRow(acc.config(), acc.clockMhz(), area, fc, fe, cyc, en);
    }

    private static LayerCost cost(Accelerator acc, Layer l, Map<Layer, LayerCost> memo) {
        return memo.computeIfAbsent(l.withName("shape"), acc::evaluate);
    }

    public HwConfig config() { return config; }

    public int width() { return cycles.length; }

    /** Metrics under op probabilities p (encoding layout; one-hot for an architecture). */
    public Metrics metrics(double[] p) {
        if (p.length != cycles.length) throw new IllegalArgumentException("vector has " + p.length + " entries, the encoding " + cycles.length);
        double cyc = fixedCycles;
        double pj = fixedEnergyPj;
        for (int k = 0; k < p.length; k++) {
            cyc += p[k] * cycles[k];
            pj += p[k] * energyPj[k];
        }
        double latencyMs = cyc / (clockMhz * 1000.0);
        double energyUj = pj / 1e6;
        return new Metrics(latencyMs, 1000.0 / latencyMs, energyUj, areaMm2, energyUj * latencyMs);
    }

    /** Latency (ms) of every entry: the row of the linear map, for matrix products. */
    public double[] latencyRow() { return scaled(cycles, 1 / (clockMhz * 1000.0)); }

    /** Energy (uJ) of every entry. */
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
