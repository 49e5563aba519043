package org.coex.accel.spec;

/**
 * Range checks of command-line options, one wording for every command: a value out of range is a
 * {@link SpecException} naming the option, its rule and the value found (exit status 2 at the top).
 */
public final class OptionChecks {
    private OptionChecks() {}

    /** {@code value >= min}. */
    public static long atLeast(String option, long value, long min) {
        if (value < min) throw SpecException.option(option, "must be >= " + min + " (found " + value + ")");
        return value;
    }

    /** A finite {@code value >= min}. */
    public static double atLeast(String option, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) throw SpecException.option(option, "must be >= " + min + " (found " + value + ")");
        return value;
    }

    /** A finite {@code value > 0}. */
    public static double positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw SpecException.option(option, "must be > 0 (found " + value + ")");
        return value;
    }

    /** {@code 0 <= value < 1}. */
    public static double fraction(String option, double value) {
        if (!(value >= 0 && value < 1)) throw SpecException.option(option, "must be in [0, 1) (found " + value + ")");
        return value;
    }

    /** {@code 0 < value < 1}. */
    public static double openFraction(String option, double value) {
        if (!(value > 0 && value < 1)) throw SpecException.option(option, "must be between 0 and 1, both excluded (found " + value + ")");
        return value;
    }
}
