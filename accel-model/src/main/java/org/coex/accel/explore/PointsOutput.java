package org.coex.accel.explore;

import java.util.Locale;
import java.util.Optional;

/**
 * What a sweep writes to {@code points.csv}: every point ({@link #ALL}), the front's rows only
 * ({@link #FRONT}) or no file ({@link #NONE}). {@link #AUTO}, the default, is ALL up to
 * {@value #AUTO_ALL_LIMIT} evaluated points and FRONT above, so a sweep of 10^8 points does not
 * write 15 GB unasked. {@code pareto.csv}, {@code pareto.json} and {@code pareto.png} are written always.
 */
public enum PointsOutput {
    ALL, FRONT, NONE, AUTO;

    public static final long AUTO_ALL_LIMIT = 1_000_000;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<PointsOutput> parse(String s) {
        for (PointsOutput p : values()) if (p != AUTO && p.key().equalsIgnoreCase(s.strip())) return Optional.of(p);
        return Optional.empty();
    }

    /** ALL, FRONT or NONE for a sweep of this many points. */
    public PointsOutput resolve(long evaluated) { return this != AUTO ? this : evaluated <= AUTO_ALL_LIMIT ? ALL : FRONT; }
}
