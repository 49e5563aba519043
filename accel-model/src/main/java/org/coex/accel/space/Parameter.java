package org.coex.accel.space;

import java.util.List;
import org.coex.accel.Checks;

/**
 * One named discrete hardware parameter and its candidate values, in the order a search sees them.
 * Values are {@link Integer}, {@link Double}, {@link Boolean} or {@link String}.
 */
public record Parameter(String name, List<Object> values) {

    public Parameter {
        Checks.notBlank("name", name);
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException(name + ": a parameter needs at least one value");
        for (Object v : values) {
            if (!(v instanceof Integer || v instanceof Double || v instanceof Boolean || v instanceof String)) {
                throw new IllegalArgumentException(name + ": unsupported value type " + v.getClass().getSimpleName());
            }
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException(name + ": values must be distinct, found " + values);
        }
    }

    public static Parameter of(String name, Object... values) { return new Parameter(name, List.of(values)); }

    public int size() { return values.size(); }
}
