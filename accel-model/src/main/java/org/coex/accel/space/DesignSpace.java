package org.coex.accel.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cartesian product of named discrete parameters. Point {@code i} is decoded in mixed radix with
 * the last parameter varying fastest, so {@code point(0..size-1)} enumerates the full grid in a
 * fixed order.
 */
public record DesignSpace(List<Parameter> parameters) {

    public DesignSpace {
        parameters = List.copyOf(parameters);
        if (parameters.stream().map(Parameter::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("parameter names must be unique");
        }
    }

    public static DesignSpace of(Parameter... ps) { return new DesignSpace(List.of(ps)); }

    /** Number of points: the product of the parameters' sizes (saturates at Long.MAX_VALUE). */
    public long size() {
        long n = 1;
        for (Parameter p : parameters) {
            if (n > Long.MAX_VALUE / p.size()) return Long.MAX_VALUE;
            n *= p.size();
        }
        return n;
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The point with that grid index. */
    public HwConfig point(long index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size() - 1));
        return point(digits(index));
    }

    /** The point that takes value {@code choice[j]} of parameter j. */
    public HwConfig point(int[] choice) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int j = 0; j < parameters.size(); j++) m.put(parameters.get(j).name(), parameters.get(j).values().get(choice[j]));
        return new HwConfig(m);
    }

    /** The value index of every parameter at that grid index (mixed radix, last parameter fastest). */
    public int[] choices(long index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size() - 1));
        return digits(index);
    }

    /** The grid index of per-parameter value indices: the inverse of {@link #choices(long)}. */
    public long index(int[] choices) {
        if (choices.length != parameters.size()) throw new IllegalArgumentException("need " + parameters.size() + " value indices, found " + choices.length);
        long idx = 0;
        for (int j = 0; j < choices.length; j++) {
            if (choices[j] < 0 || choices[j] >= parameters.get(j).size()) throw new IndexOutOfBoundsException(parameters.get(j).name() + " has no value " + choices[j]);
            idx = idx * parameters.get(j).size() + choices[j];
        }
        return idx;
    }

    /**
     * The grid index of a point of this space (its values of every parameter; other keys ignored).
     * Numbers match by value (a template may report 64.0 for a listed 64).
     */
    public long indexOf(HwConfig config) {
        int[] c = new int[parameters.size()];
        for (int j = 0; j < c.length; j++) {
            Parameter p = parameters.get(j);
            Object v = config.values().get(p.name());
            c[j] = -1;
            for (int i = 0; i < p.size() && c[j] < 0; i++) if (sameValue(p.values().get(i), v)) c[j] = i;
            if (c[j] < 0) throw new IllegalArgumentException(p.name() + " = " + v + " is not a value of this design space");
        }
        return index(c);
    }

    private static boolean sameValue(Object listed, Object given) {
        if (listed instanceof Number a && given instanceof Number b) return a.doubleValue() == b.doubleValue();
        return listed.equals(given);
    }

    private int[] digits(long index) {
        int[] d = new int[parameters.size()];
        for (int j = parameters.size() - 1; j >= 0; j--) {
            int radix = parameters.get(j).size();
            d[j] = (int) (index % radix);
            index /= radix;
        }
        return d;
    }

    /** This space with a parameter replaced (same position) or appended. */
    public DesignSpace with(Parameter p) {
        List<Parameter> out = new ArrayList<>(parameters);
        int at = -1;
        for (int j = 0; j < out.size(); j++) if (out.get(j).name().equals(p.name())) at = j;
        if (at >= 0) out.set(at, p); else out.add(p);
        return new DesignSpace(out);
    }
}
