package org.coex.accel.cost;

/**
 * A cost no accelerator can have (a NaN, infinite or negative cycle count, access count, energy, area
 * or clock): a bug in the template that produced it, never a configuration it refuses (those throw
 * {@link IllegalArgumentException}). Commands stop on it with one line naming the template, the
 * configuration, the layer and the field, so that no such number reaches a front, an optimum or a search.
 */
public final class CostError extends RuntimeException {
    public CostError(String message) {
        super(message);
    }

    /** Checks a count: >= 0. */
    static void count(String layer, String field, long value) {
        if (value < 0) throw new CostError(layer + ": " + field + " is " + value + "; counts must be >= 0");
    }

    /** Checks an amount (energy, area, ...): finite and >= 0. */
    public static void amount(String where, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new CostError(where + ": " + field + " is " + value + "; it must be finite and >= 0");
    }
}
