package org.coex.accel.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.coex.accel.cost.Metrics;

/** What to minimize: a weighted sum of latency (ms), energy (uJ), EDP (uJ*ms) and area (mm2); one weight for a single metric. */
public record Objective(Map<Metrics.Name, Double> weights) {
    public Objective {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        if (weights.isEmpty()) throw new IllegalArgumentException("an objective needs at least one metric");
        if (weights.containsKey(Metrics.Name.FPS)) throw new IllegalArgumentException("minimize latency instead of fps");
        for (double w : weights.values()) if (!(w > 0)) throw new IllegalArgumentException("objective weights must be > 0");
    }

    public static Objective of(Metrics.Name metric) { return new Objective(Map.of(metric, 1.0)); }

    public double value(Metrics m) {
        double v = 0;
        for (Map.Entry<Metrics.Name, Double> e : weights.entrySet()) v += e.getValue() * m.get(e.getKey());
        return v;
    }

    @Override public String toString() {
        return weights.entrySet().stream().map(e -> (e.getValue() == 1.0 ? "" : e.getValue() + " x ") + e.getKey().column())
                .collect(Collectors.joining(" + "));
    }
}
