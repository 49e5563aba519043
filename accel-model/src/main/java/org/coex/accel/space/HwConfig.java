package org.coex.accel.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A point of a design space: parameter name to value, in a fixed order. Typed getters fail with the
 * parameter's name when it is missing or of the wrong type.
 */
public record HwConfig(Map<String, Object> values) {

    public HwConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static HwConfig of(Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) throw new IllegalArgumentException("name/value pairs expected");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) m.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        return new HwConfig(m);
    }

    public boolean has(String name) { return values.containsKey(name); }

    /** This config with one more (or a replaced) value. */
    public HwConfig with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new HwConfig(m);
    }

    /** This config with the other's values added (the other wins on conflicts). */
    public HwConfig withAll(HwConfig other) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.putAll(other.values);
        return new HwConfig(m);
    }

    public int intValue(String name, int fallback) {
        Object v = values.get(name);
        if (v == null) return fallback;
        if (v instanceof Integer i) return i;
        if (v instanceof Double d && d == Math.rint(d)) return (int) (double) d;
        throw new IllegalArgumentException(name + " must be a whole number, found " + v);
    }

    public double doubleValue(String name, double fallback) {
        Object v = values.get(name);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException(name + " must be a number, found " + v);
    }

    public String stringValue(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v.toString();
    }

    public boolean booleanValue(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException(name + " must be true or false, found " + v);
    }

    /** {@code rows=32 cols=32 dataflow=ws}. */
    @Override public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
