package org.coex.accel.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Front door of the templates: every {@link AcceleratorTemplate} on the class path, by name. */
public final class Templates {
    private Templates() {}

    /** A template as found: where its class came from (a jar, a folder, or "built-in"). */
    public record Found(AcceleratorTemplate template, String origin) {}

    /**
     * All templates found by {@link ServiceLoader} on the class path and in the plugin jars
     * ({@link Plugins}), sorted by name, each {@link CheckedTemplate checked}: undeclared parameter
     * names are refused, and for templates from outside coex a NaN, infinite or negative number is a
     * {@link org.coex.accel.cost.CostError}, never a result. A provider that cannot be loaded is left out and described by {@link #broken()}.
     */
    public static Map<String, AcceleratorTemplate> all() {
        Map<String, AcceleratorTemplate> out = new LinkedHashMap<>();
        found().forEach((name, f) -> out.put(name, f.template()));
        return out;
    }

    /** Every template with its origin, by name. */
    public static Map<String, Found> found() {
        return scan().found();
    }

    /** One line per provider that could not be loaded (a misspelt class, a missing dependency), naming it. */
    public static List<String> broken() {
        return scan().broken();
    }

    private static final int MAX_BROKEN = 100;

    private record Scan(Map<String, Found> found, List<String> broken) {}

    private static String scannedFor;
    private static Scan scanned;

    /** The templates, looked up once per set of plugin jars and context class loader (a command asks several times). */
    private static synchronized Scan scan() {
        ClassLoader ctx = Thread.currentThread().getContextClassLoader();
        String key = Plugins.jars() + " " + System.identityHashCode(ctx);
        if (!key.equals(scannedFor)) {
            scanned = scanUncached(ctx);
            scannedFor = key;
        }
        return scanned;
    }

    private static Scan scanUncached(ClassLoader ctx) {
        Map<String, Found> found = new java.util.TreeMap<>();
        List<String> broken = new java.util.ArrayList<>();
        ClassLoader own = Templates.class.getClassLoader();
        load(ServiceLoader.load(AcceleratorTemplate.class, Plugins.loader(own)), found, broken);
        if (ctx != null && ctx != own) load(ServiceLoader.load(AcceleratorTemplate.class, ctx), found, broken);
        return new Scan(new LinkedHashMap<>(found), broken.stream().distinct().toList());
    }

    private static void load(ServiceLoader<AcceleratorTemplate> loader, Map<String, Found> found, List<String> broken) {
        java.util.Iterator<AcceleratorTemplate> it = loader.iterator();
        for (int failures = 0; failures < MAX_BROKEN; ) {   // ServiceLoader moves on after a broken entry "on a best-effort basis": bounded
            try {
                if (!it.hasNext()) return;
                AcceleratorTemplate t = it.next();
                found.putIfAbsent(t.name(), new Found(guarded(t), origin(t)));
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                failures++;
                broken.add("a template provider could not be loaded and is skipped: " + e.getMessage()
                        + (e.getCause() != null && e.getCause() != e ? " (" + e.getCause() + ")" : ""));
            }
        }
    }

    private static String origin(AcceleratorTemplate t) {
        if (isBuiltIn(t)) return "built-in";
        var source = t.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "class path" : source.getLocation().getPath();
    }

    /**
     * {@code t} checked ({@link CheckedTemplate}): parameter names always; numbers for templates from
     * outside coex (the built-ins' are property-tested, and commands look into their accelerators' own figures).
     */
    static AcceleratorTemplate guarded(AcceleratorTemplate t) {
        return t instanceof CheckedTemplate ? t : new CheckedTemplate(t, !isBuiltIn(t));
    }

    private static boolean isBuiltIn(AcceleratorTemplate t) {
        return t instanceof org.coex.accel.template.systolic.SystolicTemplate || t instanceof org.coex.accel.template.spatial.SpatialTemplate;
    }

    public static List<String> names() { return List.copyOf(all().keySet()); }

    public static Optional<AcceleratorTemplate> byName(String name) { return Optional.ofNullable(all().get(name)); }
}
