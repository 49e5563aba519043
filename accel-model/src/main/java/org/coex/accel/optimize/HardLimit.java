package org.coex.accel.optimize;

import org.coex.accel.cost.Metrics;

/**
 * A hard limit on one metric: {@code metric <= bound}, or {@code fps >= bound} for frame rate.
 * Its violation is relative, so limits in different units add up: max(0, value - bound) / bound
 * (for fps: max(0, bound - fps) / bound).
 */
public record HardLimit(Metrics.Name metric, double bound) {
    public HardLimit {
        if (!(bound > 0) || Double.isInfinite(bound)) throw new IllegalArgumentException(metric.column() + " limit must be > 0, found " + bound);
    }

    /** Parses {@code METRIC=BOUND} (e.g. {@code area=1.5}, {@code fps=2000}); empty when the text is not one. */
    public static java.util.Optional<HardLimit> parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) return java.util.Optional.empty();
        var metric = Metrics.Name.parse(text.substring(0, eq).trim());
        double bound;
        try {
            bound = Double.parseDouble(text.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        if (metric.isEmpty() || !(bound > 0) || Double.isInfinite(bound)) return java.util.Optional.empty();
        return java.util.Optional.of(new HardLimit(metric.get(), bound));
    }

    public double violation(Metrics m) {
        double v = m.get(metric);
        return metric == Metrics.Name.FPS ? Math.max(0, bound - v) / bound : Math.max(0, v - bound) / bound;
    }

    public boolean isMet(Metrics m) { return violation(m) == 0; }

    @Override public String toString() { return metric.column() + (metric == Metrics.Name.FPS ? " >= " : " <= ") + bound; }
}
