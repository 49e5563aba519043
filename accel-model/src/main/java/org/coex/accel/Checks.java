package org.coex.accel;

/** Argument checks for programmer errors; each message names the offending field and value. */
public final class Checks {
    private Checks() {}

    /** @throws IllegalArgumentException if {@code value < 1} */
    public static int positive(String field, int value) {
        if (value < 1) throw new IllegalArgumentException(field + " must be >= 1, found " + value);
        return value;
    }

    /** @throws IllegalArgumentException if {@code value < 0} */
    public static int nonNegative(String field, int value) {
        if (value < 0) throw new IllegalArgumentException(field + " must be >= 0, found " + value);
        return value;
    }

    /** @throws IllegalArgumentException if {@code value} is not finite and &gt; 0 */
    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, found " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code value} is not finite and &gt;= 0 */
    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, found " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code value} is null or blank */
    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " must not be blank");
        return value;
    }

    /** @throws IllegalArgumentException if {@code value} is null */
    public static <T> T notNull(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " must not be null");
        return value;
    }
}
