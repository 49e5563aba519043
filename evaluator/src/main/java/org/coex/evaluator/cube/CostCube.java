package org.coex.evaluator.cube;

import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;

/**
 * The cost of a search space on every configuration of a design space, per candidate op: for
 * configuration c, {@code cycles[c][k]} and {@code energyPj[c][k]} of encoding entry k (candidate j of
 * layer i at {@link ArchEncoding#offset}(i) + j), the fixed layers' cycles and energy, the clock and the
 * area. Layers run one after another, so for per-layer op probabilities p
 * <pre>  cycles_c(p) = fixed_c + sum_k p_k cycles[c][k]   (the same for energy)</pre>
 * is linear in p, area depends on c alone, and a one-hot p gives an architecture's exact cost.
 * Immutable; the arrays are never handed out.
 */
public final class CostCube {
    private final Key key;
    private final List<HwConfig> configs;
    private final double[] clockMhz;
    private final double[] areaMm2;
    private final double[] fixedCycles;
    private final double[] fixedEnergyPj;
    private final double[][] cycles;
    private final double[][] energyPj;

    /** What a cube was computed for; an evaluator trained on one refuses another. */
    public record Key(String spaceFingerprint, ArchEncoding encoding, String template, String technology, DesignSpace designSpace) {}

    CostCube(Key key, List<HwConfig> configs, double[] clockMhz, double[] areaMm2, double[] fixedCycles, double[] fixedEnergyPj,
             double[][] cycles, double[][] energyPj) {
        this.key = key;
        this.configs = List.copyOf(configs);
        this.clockMhz = clockMhz;
        this.areaMm2 = areaMm2;
        this.fixedCycles = fixedCycles;
        this.fixedEnergyPj = fixedEnergyPj;
        this.cycles = cycles;
        this.energyPj = energyPj;
    }

    public Key key() { return key; }

    public int configCount() { return configs.size(); }

    /** Entries of the architecture encoding. */
    public int width() { return key.encoding().length(); }

    /** Configuration c: the design space's grid point c. */
    public HwConfig config(int c) { return configs.get(c); }

    /** The metrics of configuration c under op probabilities p (encoding layout; one-hot for an architecture). */
    public Metrics metrics(int c, double[] p) {
        if (p.length != width()) throw new IllegalArgumentException("vector has " + p.length + " entries, the encoding " + width());
        double cyc = fixedCycles[c];
        double pj = fixedEnergyPj[c];
        double[] cr = cycles[c];
        double[] er = energyPj[c];
        for (int k = 0; k < p.length; k++) {
            cyc += p[k] * cr[k];
            pj += p[k] * er[k];
        }
        double latencyMs = cyc / (clockMhz[c] * 1000.0);
        double energyUj = pj / 1e6;
        return new Metrics(latencyMs, 1000.0 / latencyMs, energyUj, areaMm2[c], energyUj * latencyMs);
    }

    public Metrics metrics(int c, Architecture a) { return metrics(c, key.encoding().oneHot(a)); }

    /** Latency (ms) of every entry under configuration c: the rows of the linear map, for matrix products. */
    public double[] latencyRow(int c) { return scaled(cycles[c], 1 / (clockMhz[c] * 1000.0)); }

    /** Energy (uJ) of every entry under configuration c. */
    public double[] energyRow(int c) { return scaled(energyPj[c], 1e-6); }

    public double fixedLatencyMs(int c) { return fixedCycles[c] / (clockMhz[c] * 1000.0); }

    public double fixedEnergyUj(int c) { return fixedEnergyPj[c] / 1e6; }

    public double areaMm2(int c) { return areaMm2[c]; }

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * f;
        return out;
    }
}
