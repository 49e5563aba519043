package org.coex.evaluator.cube;

import org.coex.accel.cost.Metrics;
import org.coex.accel.space.HwConfig;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.CostTerms;

/**
 * The costs of a search space's candidate ops on the configurations of a design space, indexed by
 * grid index: either all computed up front ({@link CostCube}) or on demand ({@link OnDemandCosts},
 * for design spaces too large to enumerate). Thread-safe.
 */
public interface ConfigCosts {
    /** What the costs were computed for; an evaluator trained on one refuses another. */
    CostCube.Key key();

    /** Configurations in the design space. */
    int configCount();

    /** Entries of the architecture encoding. */
    default int width() { return key().encoding().length(); }

    /** The space's cost terms: what a row's entries are, and how choice probabilities weight them. */
    CostTerms terms();

    /** Configuration c's costs. @throws IllegalArgumentException if the template refuses that configuration */
    ConfigRow row(int c);

    /** Configuration c: the design space's grid point c. */
    default HwConfig config(int c) { return key().designSpace().point(c); }

    /** The metrics of configuration c under choice probabilities p (encoding layout; one-hot for an architecture). */
    default Metrics metrics(int c, double[] p) { return row(c).metrics(terms().weights(p)); }

    default Metrics metrics(int c, Architecture a) { return metrics(c, key().encoding().oneHot(a)); }

    /** An architecture's term weights, computed once: {@code row(c).metrics(w)} is then its metrics on any configuration c. */
    default double[] termWeights(Architecture a) { return terms().weights(key().encoding().oneHot(a)); }
}
