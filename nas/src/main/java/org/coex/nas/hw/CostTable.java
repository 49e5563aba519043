package org.coex.nas.hw;

import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.template.Accelerator;
import org.coex.accel.workload.Layer;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.Op;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;

/**
 * The hardware-aware NAS baseline's lookup table (ProxylessNAS / FBNet): on one fixed accelerator,
 * the cost of every candidate op at every searchable layer, plus the cost of the fixed layers.
 * Latency in ms (cycles / clock), energy in uJ. Layers run one after another, so an architecture's
 * cost is the fixed cost plus its ops' entries, and the expected cost under per-layer op
 * probabilities p is fixed + sum over layers and candidates of p * entry (linear in p).
 */
public record CostTable(Metrics.Name metric, double fixed, double[][] entries, String hardware) {

    public CostTable {
        if (metric != Metrics.Name.LATENCY && metric != Metrics.Name.ENERGY) throw new IllegalArgumentException("cost tables hold latency or energy");
        entries = entries.clone();
    }

    public static CostTable build(SearchSpace space, Accelerator acc, Metrics.Name metric) {
        List<SearchableLayer> layers = space.layers();
        double[][] e = new double[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            List<Op> cands = layers.get(i).candidates();
            e[i] = new double[cands.size()];
            for (int j = 0; j < cands.size(); j++) e[i][j] = cost(layers.get(i).accelLayers(cands.get(j)), acc, metric);
        }
        return new CostTable(metric, cost(space.fixedLayers(), acc, metric), e, acc.config().toString());
    }

    private static double cost(List<Layer> layers, Accelerator acc, Metrics.Name metric) {
        double sum = 0;
        for (Layer l : layers) {
            var c = acc.evaluate(l);
            sum += metric == Metrics.Name.LATENCY ? c.cycles() / (acc.clockMhz() * 1000.0) : c.totalEnergyPj() / 1e6;
        }
        return sum;
    }

    /** The entries of one layer, in candidate order. */
    public double[] layer(int i) { return entries[i].clone(); }

    /** Expected cost under per-layer op probabilities in the {@link ArchEncoding} layout. */
    public double expected(double[] probabilities, ArchEncoding encoding) {
        double total = fixed;
        for (int i = 0; i < entries.length; i++) for (int j = 0; j < entries[i].length; j++) total += probabilities[encoding.offset(i) + j] * entries[i][j];
        return total;
    }

    /** Expected cost with every candidate equally likely: the scale that makes lambda dimensionless. */
    public double uniform() {
        double total = fixed;
        for (double[] row : entries) {
            double s = 0;
            for (double v : row) s += v;
            total += s / row.length;
        }
        return total;
    }

    /** The cost of one architecture. */
    public double of(Architecture a) {
        double total = fixed;
        for (int i = 0; i < entries.length; i++) total += entries[i][a.choices().get(i)];
        return total;
    }
}
