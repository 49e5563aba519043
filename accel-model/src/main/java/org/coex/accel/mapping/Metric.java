package org.coex.accel.mapping;

import java.util.Locale;
import java.util.Optional;
import org.coex.accel.nest.NestResult;

/** What a mapping search minimizes. */
public enum Metric {
    ENERGY, LATENCY, EDP;

    /** The value to minimize: pJ, cycles, or pJ x cycles. */
    public double of(NestResult r) {
        return switch (this) {
            case ENERGY -> r.energyPj();
            case LATENCY -> r.cycles();
            case EDP -> r.energyPj() * r.cycles();
        };
    }

    public static Optional<Metric> parse(String s) {
        for (Metric m : values()) if (m.name().equalsIgnoreCase(s.strip())) return Optional.of(m);
        return Optional.empty();
    }

    public String key() { return name().toLowerCase(Locale.ROOT); }
}
