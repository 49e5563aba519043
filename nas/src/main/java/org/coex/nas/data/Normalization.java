package org.coex.nas.data;

import java.util.Arrays;
import java.util.List;

/**
 * Per-channel input normalization, x' = (x / 255 - mean[c]) / std[c], with the statistics of a
 * training split (a channel of constant value gets std 1, so it maps to 0 instead of NaN).
 */
public record Normalization(double[] mean, double[] std) {
    public Normalization {
        if (mean.length != std.length || mean.length == 0) throw new IllegalArgumentException("one mean and one std per channel");
        mean = mean.clone();
        std = Arrays.stream(std).map(s -> s > 0 ? s : 1).toArray();
    }

    /** One channel with this mean and standard deviation. */
    public static Normalization grey(double mean, double std) { return new Normalization(new double[] {mean}, new double[] {std}); }

    public int channels() { return mean.length; }

    /** The statistics as JSON-friendly lists: {@code {"mean": [...], "std": [...]}}. */
    public java.util.Map<String, List<Double>> toMap() {
        java.util.Map<String, List<Double>> m = new java.util.LinkedHashMap<>();
        m.put("mean", Arrays.stream(mean).boxed().toList());
        m.put("std", Arrays.stream(std).boxed().toList());
        return m;
    }
}
