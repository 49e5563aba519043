package org.coex.hdx;

/**
 * The required decrease rate delta of one hard constraint. While the constraint stays violated,
 * delta grows geometrically, {@code delta <- growth * delta} after every violated step (starting from
 * {@code initial}), so a constraint that resists is pushed ever harder; once it is met, delta relaxes
 * geometrically back, {@code delta <- max(initial, delta / growth)}. A step with learning rate eta
 * then lowers the metric by about eta * delta (first order). Mutable; checkpoint {@link #delta()}.
 */
public final class DeltaSchedule {
    private final double initial;
    private final double growth;
    private double delta;

    public DeltaSchedule(double initial, double growth) {
        if (!(initial > 0) || Double.isInfinite(initial)) throw new IllegalArgumentException("initial delta must be > 0, found " + initial);
        if (!(growth > 1) || Double.isInfinite(growth)) throw new IllegalArgumentException("delta growth must be > 1, found " + growth);
        this.initial = initial;
        this.growth = growth;
        this.delta = initial;
    }

    /** Delta for the current step: the value to enforce now if violated; then the schedule moves on. */
    public double next(boolean violated) {
        double now = delta;
        delta = violated ? delta * growth : Math.max(initial, delta / growth);
        return now;
    }

    /** The delta the next violated step will enforce. */
    public double delta() { return delta; }

    /** Restores a checkpointed delta. */
    public void restore(double value) {
        if (!(value >= initial) || Double.isInfinite(value)) throw new IllegalArgumentException("delta " + value + " below its initial value " + initial);
        this.delta = value;
    }

    public double initial() { return initial; }

    public double growth() { return growth; }
}
