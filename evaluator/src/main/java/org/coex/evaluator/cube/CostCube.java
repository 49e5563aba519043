package org.coex.evaluator.cube;

import java.util.List;
import org.coex.accel.space.DesignSpace;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.CostTerms;

/**
 * The cost of a search space on every configuration of a design space, per cost term (candidate op
 * at its widths): one {@link ConfigRow} per grid point. Layers run one after another, so latency and
 * energy are linear in the term weights (in the op probabilities themselves when no width is searched),
 * area depends on the configuration alone, and a one-hot vector gives an architecture's exact cost.
 * Immutable.
 */
public final class CostCube implements ConfigCosts {
    private final Key key;
    private final List<ConfigRow> rows;
    private final CostTerms terms;

    /** What costs were computed for: search space, encoding, template, technology and design space. */
    public record Key(String spaceFingerprint, ArchEncoding encoding, String template, String technology, DesignSpace designSpace) {}

    CostCube(Key key, CostTerms terms, List<ConfigRow> rows) {
        this.key = key;
        this.terms = terms;
        this.rows = List.copyOf(rows);
    }

    @Override public Key key() { return key; }

    @Override public CostTerms terms() { return terms; }

    @Override public int configCount() { return rows.size(); }

    @Override public ConfigRow row(int c) { return rows.get(c); }

    @Override public org.coex.accel.space.HwConfig config(int c) { return rows.get(c).config(); }
}
