package org.coex.accel.nest;

import java.util.Locale;
import java.util.Optional;

/**
 * The seven loops of a convolution: batch N, output channels K (Timeloop's M), input channels C,
 * output rows P and columns Q, filter rows R and columns S.
 */
public enum Dim {
    N, K, C, P, Q, R, S;

    /** Parses a dimension letter; Timeloop's {@code M} is {@link #K}. */
    public static Optional<Dim> parse(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        if (t.equals("M")) return Optional.of(K);
        for (Dim d : values()) if (d.name().equals(t)) return Optional.of(d);
        return Optional.empty();
    }

    /** The letter Timeloop prints: M for K, else the name. */
    public String timeloopName() { return this == K ? "M" : name(); }
}
