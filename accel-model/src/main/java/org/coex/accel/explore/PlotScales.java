package org.coex.accel.explore;

import java.util.Arrays;

/** When a plot's axis is logarithmic: one rule for every PNG coex writes. */
public final class PlotScales {
    private PlotScales() {}

    /**
     * Whether positive values span at least three decades: XChart labels a log axis only at powers
     * of ten, so over a narrower range it shows one or two labels, or none; a linear axis then reads
     * better. Values of zero or below do not count as a lower end.
     */
    public static boolean logarithmic(double... values) {
        double min = Arrays.stream(values).filter(v -> v > 0).min().orElse(1);
        double max = Arrays.stream(values).max().orElse(1);
        return max / min >= 1000;
    }
}
