package org.coex.accel.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.coex.accel.cost.Metrics;
import org.coex.accel.spec.SpecNode;

/**
 * A hard limit on one metric: {@code metric <= bound}, or {@code fps >= bound} for frame rate.
 * Its violation is relative, so limits in different units add up: max(0, value - bound) / bound
 * (for fps: max(0, bound - fps) / bound).
 */
public record HardLimit(Metrics.Name metric, double bound) {
    public HardLimit {
        if (!(bound > 0) || Double.isInfinite(bound)) throw new IllegalArgumentException(metric.column() + " limit must be > 0, found " + bound);
    }

    /** The names limits go by in every spec and option (the metrics' column names). */
    public static final List<String> NAMES = List.of("latency_ms", "fps", "area_mm2", "energy_uj");
    /** Where an energy-delay product can be limited too ({@code coex optimize}, evaluator datasets): {@link #NAMES} and edp_uj_ms. */
    public static final List<String> NAMES_WITH_EDP = List.of("latency_ms", "fps", "area_mm2", "energy_uj", "edp_uj_ms");

    /** The metric that a limit name denotes: exactly one of {@code names}. */
    public static Optional<Metrics.Name> metricOf(String name, List<String> names) {
        return names.contains(name) ? Metrics.Name.parse(name) : Optional.empty();
    }

    /** One sentence for a name that is not one of {@code names}, with the nearest as "did you mean". */
    public static String unknown(String name, List<String> names) {
        Optional<String> near = names.stream().filter(n -> n.startsWith(name.toLowerCase(java.util.Locale.ROOT) + "_")).findFirst()
                .or(() -> SpecNode.closest(name, names));
        return "unknown limit '" + name + "'; " + near.map(n -> "did you mean '" + n + "'? ").orElse("") + "limits are " + String.join(", ", names);
    }

    /**
     * Parses {@code METRIC=BOUND} (e.g. {@code area_mm2=1.5}, {@code fps=2000}) with METRIC one of {@code names}.
     *
     * @throws IllegalArgumentException with one sentence saying what is wrong and how to write it
     */
    public static HardLimit parse(String text, List<String> names) {
        int eq = text.indexOf('=');
        String example = "e.g. latency_ms=0.04 or area_mm2=1.5";
        if (eq < 0) throw new IllegalArgumentException("'" + text + "' is not METRIC=BOUND; " + example);
        String name = text.substring(0, eq).trim();
        Metrics.Name metric = metricOf(name, names).orElseThrow(() -> new IllegalArgumentException(unknown(name, names)));
        double bound;
        try {
            bound = Double.parseDouble(text.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the bound in '" + text + "' is not a number; " + example);
        }
        if (!(bound > 0) || Double.isInfinite(bound)) throw new IllegalArgumentException("the bound in '" + text + "' must be a positive number");
        return new HardLimit(metric, bound);
    }

    /**
     * A spec's {@code limits:} / {@code constraints:} mapping of limit names to bounds; every wrong
     * name or bound is recorded at its key (with "did you mean").
     */
    public static List<HardLimit> read(SpecNode node, List<String> names) {
        List<HardLimit> out = new ArrayList<>();
        if (node.isMissing() || !node.expectObject()) return out;
        for (String k : node.keys()) {
            Optional<Metrics.Name> m = metricOf(k, names);
            if (m.isEmpty()) {
                node.problem(k, unknown(k, names));
                continue;
            }
            double bound = node.positive(k, Double.NaN);   // a problem is recorded when it is not a positive number
            if (bound > 0) out.add(new HardLimit(m.get(), bound));
        }
        return out;
    }

    public double violation(Metrics m) {
        double v = m.get(metric);
        return metric == Metrics.Name.FPS ? Math.max(0, bound - v) / bound : Math.max(0, v - bound) / bound;
    }

    public boolean isMet(Metrics m) { return violation(m) == 0; }

    @Override public String toString() { return metric.column() + (metric == Metrics.Name.FPS ? " >= " : " <= ") + bound; }
}
