package org.coex.nas.hw;

import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.template.Accelerator;
import org.coex.accel.workload.Layer;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.CostTerms;
import org.coex.nas.space.SearchSpace;

/**
 * The hardware-aware NAS baseline's lookup table (ProxylessNAS / FBNet): on one fixed accelerator,
 * the cost of every {@link CostTerms} term (a candidate op of a searchable layer at its widths, or the
 * head at a width), plus the cost of the fixed layers. Latency in ms (cycles / clock), energy in uJ.
 * Layers run one after another, so the expected cost under choice probabilities p is
 * fixed + sum over terms of w_t(p) * entry_t (linear in p when no width is searched).
 */
public record CostTable(Metrics.Name metric, double fixed, double[] entries, CostTerms terms, String hardware) {

    public CostTable {
        if (metric != Metrics.Name.LATENCY && metric != Metrics.Name.ENERGY) throw new IllegalArgumentException("cost tables hold latency or energy");
        entries = entries.clone();
        if (entries.length != terms.terms().size()) throw new IllegalArgumentException(entries.length + " entries for " + terms.terms().size() + " terms");
    }

    public static CostTable build(SearchSpace space, Accelerator acc, Metrics.Name metric) {
        CostTerms terms = space.costTerms();
        double[] e = new double[terms.terms().size()];
        for (int t = 0; t < e.length; t++) e[t] = cost(terms.terms().get(t).layers(), acc, metric);
        return new CostTable(metric, cost(terms.fixed(), acc, metric), e, terms, acc.config().toString());
    }

    private static double cost(List<Layer> layers, Accelerator acc, Metrics.Name metric) {
        double sum = 0;
        for (Layer l : layers) {
            var c = acc.evaluate(l);
            sum += metric == Metrics.Name.LATENCY ? c.cycles() / (acc.clockMhz() * 1000.0) : c.totalEnergyPj() / 1e6;
        }
        return sum;
    }

    /** Every term's entry, in term order. */
    public double[] entries() { return entries.clone(); }

    /** Expected cost under choice probabilities p in the encoding layout. */
    public double expected(double[] probabilities) {
        double[] w = terms.weights(probabilities);
        double total = fixed;
        for (int t = 0; t < w.length; t++) total += w[t] * entries[t];
        return total;
    }

    /** Expected cost with every choice equally likely: the scale that makes lambda dimensionless. */
    public double uniform(SearchSpace space) { return expected(space.encoding().uniform()); }

    /** The cost of one architecture. */
    public double of(Architecture a, SearchSpace space) { return expected(space.encoding().oneHot(a)); }
}
