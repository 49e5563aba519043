package org.coex.accel.template.systolic;

import java.util.Locale;
import java.util.Optional;

/**
 * What stays in the processing elements of a systolic array while the other operands stream.
 * With P output pixels, Wn = kernelH * kernelW * channels-per-group and K filters, the operand
 * matrices map to (spatial rows S<sub>r</sub>, spatial cols S<sub>c</sub>, temporal T) as
 * OS (P, K, Wn), WS (Wn, K, P), IS (Wn, P, K), as in SCALE-Sim.
 */
public enum Dataflow {
    /** Output stationary: each PE accumulates one output; inputs and weights stream. */
    OS,
    /** Weight stationary: each PE holds one weight; inputs stream, partial sums flow down. */
    WS,
    /** Input stationary: each PE holds one input; weights stream, partial sums flow down. */
    IS;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<Dataflow> parse(String s) {
        for (Dataflow d : values()) if (d.key().equalsIgnoreCase(s.strip())) return Optional.of(d);
        return Optional.empty();
    }
}
