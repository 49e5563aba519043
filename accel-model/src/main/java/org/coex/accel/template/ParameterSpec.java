package org.coex.accel.template;

import java.util.List;

/**
 * A parameter a template reads, as it declares it: name, kind, default, the values allowed (text) or
 * the least value (numbers), and what it means. coex checks every configuration against these
 * declarations before the template sees it ({@link AcceleratorTemplate#parameters}).
 *
 * @param defaultValue the value taken when a configuration leaves the parameter out (null: not declared)
 * @param choices      for text, the values allowed (empty: any)
 * @param min          for numbers, the least value allowed ({@code -Infinity}: none)
 * @param minExclusive whether {@code min} itself is excluded (a size that must be > 0)
 */
public record ParameterSpec(String name, Kind kind, Object defaultValue, List<String> choices, double min, boolean minExclusive, String meaning) {
    public enum Kind { INTEGER, NUMBER, TEXT, BOOLEAN }

    public ParameterSpec {
        choices = List.copyOf(choices);
    }

    /** A whole number of at least {@code min}. */
    public static ParameterSpec integer(String name, int defaultValue, int min, String meaning) {
        return new ParameterSpec(name, Kind.INTEGER, defaultValue, List.of(), min, false, meaning);
    }

    /** A number greater than {@code min} (exclusive) or at least it. */
    public static ParameterSpec number(String name, double defaultValue, double min, boolean exclusive, String meaning) {
        return new ParameterSpec(name, Kind.NUMBER, defaultValue, List.of(), min, exclusive, meaning);
    }

    /** One of {@code choices}. */
    public static ParameterSpec text(String name, String defaultValue, List<String> choices, String meaning) {
        return new ParameterSpec(name, Kind.TEXT, defaultValue, choices, Double.NEGATIVE_INFINITY, false, meaning);
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String meaning) {
        return new ParameterSpec(name, Kind.BOOLEAN, defaultValue, List.of(), Double.NEGATIVE_INFINITY, false, meaning);
    }

    /** What is wrong with {@code value} for this parameter, or null when it is allowed. */
    public String problem(Object value) {
        switch (kind) {
            case BOOLEAN -> {
                return value instanceof Boolean ? null : "must be true or false (found " + value + ")";
            }
            case TEXT -> {
                String v = String.valueOf(value);
                return choices.isEmpty() || choices.contains(v.toLowerCase(java.util.Locale.ROOT)) ? null : "must be one of " + String.join(", ", choices) + " (found " + v + ")";
            }
            default -> {
                if (!(value instanceof Number n)) return "must be a " + (kind == Kind.INTEGER ? "whole number" : "number") + " (found " + value + ")";
                double d = n.doubleValue();
                if (kind == Kind.INTEGER && (d != Math.rint(d) || Double.isInfinite(d))) return "must be a whole number (found " + value + ")";
                if (Double.isNaN(d) || Double.isInfinite(d)) return "must be finite (found " + value + ")";
                if (minExclusive ? !(d > min) : !(d >= min)) return "must be " + (minExclusive ? "> " : ">= ") + fmt(min) + " (found " + value + ")";
                return null;
            }
        }
    }

    /** "whole number >= 1" etc., for listings. */
    public String describeRange() {
        return switch (kind) {
            case BOOLEAN -> "true or false";
            case TEXT -> choices.isEmpty() ? "text" : String.join(" | ", choices);
            default -> (kind == Kind.INTEGER ? "whole number" : "number") + (Double.isInfinite(min) ? "" : (minExclusive ? " > " : " >= ") + fmt(min));
        };
    }

    private static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
