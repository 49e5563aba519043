package org.coex.hdx;

/**
 * A hard limit {@code metric <= bound} on a cost that is smaller when better (latency, area, energy;
 * a frame-rate floor fps >= F is the latency limit 1000 / F ms). It counts as violated once
 * {@code value > (1 - margin) * bound}: the margin makes the search aim a little inside the limit, so
 * that the derived network still meets it under the true cost model.
 */
public record HardConstraint(String metric, double bound, double margin) {
    public HardConstraint {
        if (metric == null || metric.isBlank()) throw new IllegalArgumentException("a constraint needs a metric name");
        if (!(bound > 0) || Double.isInfinite(bound)) throw new IllegalArgumentException(metric + ": bound must be a positive number, found " + bound);
        if (!(margin >= 0 && margin < 1)) throw new IllegalArgumentException(metric + ": margin must be in [0, 1), found " + margin);
    }

    /** The value the search aims under: (1 - margin) * bound. */
    public double target() { return (1 - margin) * bound; }

    public boolean isViolatedBy(double value) { return !(value <= target()); }

    /** Whether the limit itself (without margin) holds. */
    public boolean isMetBy(double value) { return value <= bound; }

    @Override public String toString() { return metric + " <= " + bound + (margin > 0 ? " (margin " + margin + ")" : ""); }
}
