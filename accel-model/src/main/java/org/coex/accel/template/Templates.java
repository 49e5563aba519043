package org.coex.accel.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Front door of the templates: every {@link AcceleratorTemplate} on the class path, by name. */
public final class Templates {
    private Templates() {}

    /** All templates found by {@link ServiceLoader}, sorted by name. */
    public static Map<String, AcceleratorTemplate> all() {
        Map<String, AcceleratorTemplate> found = new java.util.TreeMap<>();
        for (AcceleratorTemplate t : ServiceLoader.load(AcceleratorTemplate.class, Templates.class.getClassLoader())) {
            found.putIfAbsent(t.name(), t);
        }
        ClassLoader ctx = Thread.currentThread().getContextClassLoader();
        if (ctx != null) {
            for (AcceleratorTemplate t : ServiceLoader.load(AcceleratorTemplate.class, ctx)) found.putIfAbsent(t.name(), t);
        }
        return new LinkedHashMap<>(found);
    }

    public static List<String> names() { return List.copyOf(all().keySet()); }

    public static Optional<AcceleratorTemplate> byName(String name) { return Optional.ofNullable(all().get(name)); }
}
