package org.coex.accel.interop;

import java.util.Locale;
import java.util.Optional;

/**
 * How a Timeloop release spells the keys of the problem shape and the mapper settings:
 * {@link #V3} (Timeloop v3.0.x: {@code data-spaces}, {@code read-write}, {@code num-threads},
 * {@code optimization-metrics}, ...; it silently ignores the underscored mapper keys) or {@link #V4}
 * (the Python front end of Timeloop v4 and the processed inputs it dumps, as in the reference run:
 * {@code data_spaces}, {@code read_write}, {@code num_threads}). The architecture's attributes
 * ({@code read_bandwidth}, {@code meshX}) are spelt the same in both.
 */
public enum TimeloopStyle {
    V3, V4;

    /** The style of the reference files ({@code ../shared/reference/timeloop/input.yaml}). */
    public static final TimeloopStyle DEFAULT = V4;

    /** A key given with underscores, spelt this style's way. */
    public String key(String underscored) { return this == V3 ? underscored.replace('_', '-') : underscored; }

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<TimeloopStyle> parse(String s) {
        for (TimeloopStyle t : values()) if (t.label().equalsIgnoreCase(s.strip())) return Optional.of(t);
        return Optional.empty();
    }
}
