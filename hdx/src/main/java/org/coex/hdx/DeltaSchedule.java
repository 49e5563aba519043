package org.coex.hdx;

/**
 * The required decrease rate delta of one hard constraint. While the constraint stays violated,
 * delta grows geometrically, {@code delta <- growth * delta} after every violated step (starting from
 * {@code initial}), so a constraint that resists is pushed ever harder; once it is met, delta relaxes
 * geometrically back, {@code delta <- max(initial, delta / growth)}. A step with learning rate eta
 * then lowers the metric by about eta * delta (first order). Mutable; checkpoint {@link #delta()}.
 *
 * <p>Delta stops growing at {@link #CEILING}. A limit the search cannot reach would otherwise take it
 * to infinity after about 1,750 steps at growth 1.5 (and the projection to NaN); long before the
 * ceiling, delta's term already fixes the projected direction to double precision.
 */
public final class DeltaSchedule {
    /** The largest delta enforced, in relative units. */
    public static final double CEILING = 1e100;

    private final double initial;
    private final double growth;
    private double delta;

    public DeltaSchedule(double initial, double growth) {
        if (!(initial > 0) || initial > CEILING) throw new IllegalArgumentException("initial delta must be in (0, " + CEILING + "], found " + initial);
        if (!(growth > 1) || Double.isInfinite(growth)) throw new IllegalArgumentException("delta growth must be > 1, found " + growth);
        this.initial = initial;
        this.growth = growth;
        this.delta = initial;
    }

    /** Delta for the current step: the value to enforce now if violated; then the schedule moves on. */
    public double next(boolean violated) {
        double now = delta;
        delta = violated ? Math.min(CEILING, delta * growth) : Math.max(initial, delta / growth);
        return now;
    }

    /** The delta the next violated step will enforce. */
    public double delta() { return delta; }

    /** Restores a checkpointed delta. */
    public void restore(double value) {
        if (!(value >= initial) || value > CEILING) throw new IllegalArgumentException("delta " + value + " outside [" + initial + ", " + CEILING + "]");
        this.delta = value;
    }

    public double initial() { return initial; }

    public double growth() { return growth; }
}
