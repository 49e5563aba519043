package org.coex.accel.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Front door of the templates: every {@link AcceleratorTemplate} on the class path, by name. */
public final class Templates {
    private Templates() {}

    /**
     * All templates found by {@link ServiceLoader}, sorted by name; those from outside coex come
     * guarded ({@link GuardedTemplate}: a NaN, infinite or negative number they return is a
     * {@link org.coex.accel.cost.CostError}, never a result).
     */
    public static Map<String, AcceleratorTemplate> all() {
        Map<String, AcceleratorTemplate> found = new java.util.TreeMap<>();
        for (AcceleratorTemplate t : ServiceLoader.load(AcceleratorTemplate.class, Templates.class.getClassLoader())) {
            found.putIfAbsent(t.name(), guarded(t));
        }
        ClassLoader ctx = Thread.currentThread().getContextClassLoader();
        if (ctx != null) {
            for (AcceleratorTemplate t : ServiceLoader.load(AcceleratorTemplate.class, ctx)) found.putIfAbsent(t.name(), guarded(t));
        }
        return new LinkedHashMap<>(found);
    }

    /**
     * The built-in templates as they are (their numbers are property-tested, and commands look into
     * their accelerators' own figures); any other guarded.
     */
    static AcceleratorTemplate guarded(AcceleratorTemplate t) {
        boolean builtIn = t instanceof org.coex.accel.template.systolic.SystolicTemplate || t instanceof org.coex.accel.template.spatial.SpatialTemplate;
        return builtIn || t instanceof GuardedTemplate ? t : new GuardedTemplate(t);
    }

    public static List<String> names() { return List.copyOf(all().keySet()); }

    public static Optional<AcceleratorTemplate> byName(String name) { return Optional.ofNullable(all().get(name)); }
}
