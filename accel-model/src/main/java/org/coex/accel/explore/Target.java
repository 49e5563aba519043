package org.coex.accel.explore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.interop.NetworkFiles;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.Templates;
import org.coex.accel.workload.Network;

/**
 * What a sweep or an optimization explores, read from the keys those specs share: {@code network},
 * {@code batch}, {@code template}, {@code technology}, {@code space} and {@code fixed}. Every value of
 * the space is tried on the template on its own, so a bad value is reported at its line.
 */
public record Target(Network network, String networkRef, AcceleratorTemplate template, TechnologyTable technology,
                     DesignSpace space, HwConfig fixed) {

    public static final List<String> KEYS = List.of("network", "batch", "template", "technology", "space", "fixed");

    /** Reads the shared keys; problems go to the root's collector (fields may be null then). */
    public static Target read(SpecNode root, Path base) {
        Network network = null;
        String networkRef = root.requiredString("network", "name a built-in network (resnet50, ...) or a .yaml/.csv file").orElse(null);
        if (networkRef != null) {
            try {
                network = NetworkFiles.resolve(networkRef, base);
            } catch (SpecException e) {
                e.problems().forEach(p -> root.problem("network", p.toString()));
            }
        }
        int batch = root.integerAtLeast("batch", 1, 1);
        if (network != null && batch != 1) network = network.withBatch(batch);

        String templateName = root.string("template", "systolic");
        AcceleratorTemplate template = Templates.byName(templateName).orElse(null);
        if (template == null) {
            root.problem("template", "unknown template '" + templateName + "'; installed: " + String.join(", ", Templates.names()));
        }
        TechnologyTable tech = null;
        String techRef = root.string("technology", TechnologyTables.DEFAULT);
        try {
            tech = TechnologyTables.resolve(techRef, base);
        } catch (SpecException e) {
            root.problem("technology", "unknown technology '" + techRef + "'; use one of "
                    + String.join(", ", TechnologyTables.PRESETS) + " or the path of a YAML table");
        }

        HwConfig fixed = new HwConfig(values(root.child("fixed")));
        DesignSpace space = readSpace(root.child("space"), template == null ? DesignSpace.of() : template.defaultSpace());
        for (Parameter p : space.parameters()) {
            if (fixed.has(p.name())) root.problem("fixed." + p.name(), "'" + p.name() + "' is both swept (space) and fixed; keep one");
        }
        if (template != null && tech != null) checkValues(template, tech, space, fixed, root);
        return new Target(network, networkRef, template, tech, space, fixed);
    }

    /** A {@code space} mapping (parameter: [values], each value once); {@code fallback} when the key is absent. */
    public static DesignSpace readSpace(SpecNode spaceNode, DesignSpace fallback) {
        if (!spaceNode.expectObject()) return fallback;
        List<Parameter> ps = new ArrayList<>();
        for (String key : spaceNode.keys()) {
            List<Object> values = new ArrayList<>();
            for (SpecNode v : spaceNode.child(key).elements()) {
                Object o = v.scalar();
                if (o != null && values.contains(o)) v.problem("value " + o + " is listed twice");
                else if (o != null) values.add(o);
            }
            if (values.isEmpty()) spaceNode.problem(key, "give at least one value, e.g. [16, 32]");
            else ps.add(new Parameter(key, values));
        }
        return new DesignSpace(ps);
    }

    /**
     * Tries {@code fixed}, then every value of {@code root}'s {@code space} on its own (others at their
     * defaults), so a bad value is named at its line.
     */
    public static void checkValues(AcceleratorTemplate t, TechnologyTable tech, DesignSpace space, HwConfig fixed, SpecNode root) {
        try {
            t.configure(fixed, tech);
        } catch (IllegalArgumentException e) {
            root.problem("fixed", e.getMessage());
            return;
        }
        for (Parameter p : space.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                try {
                    t.configure(fixed.with(p.name(), p.values().get(i)), tech);
                } catch (IllegalArgumentException e) {
                    root.child("space").child(p.name()).elements().get(i).problem(e.getMessage());
                }
            }
        }
    }

    private static Map<String, Object> values(SpecNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!node.expectObject()) return m;
        for (String k : node.keys()) {
            Object o = node.child(k).scalar();
            if (o != null) m.put(k, o);
        }
        return m;
    }
}
