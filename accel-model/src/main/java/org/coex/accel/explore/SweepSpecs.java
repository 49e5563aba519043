package org.coex.accel.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coex.accel.cost.Metrics;
import org.coex.accel.interop.NetworkFiles;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.Templates;
import org.coex.accel.workload.Network;

/** Reads and checks sweep specs; every problem is reported with its line and key path. */
public final class SweepSpecs {
    static final List<String> KEYS = List.of("network", "batch", "template", "technology", "space", "fixed", "sampling",
            "samples", "seed", "pareto", "plot", "output");
    /** Grids larger than this must be sampled. */
    public static final long MAX_GRID = 5_000_000;

    private SweepSpecs() {}

    /** @throws SpecException listing every problem of the file */
    public static SweepSpec load(Path file) {
        String text = InputFiles.readString(file, "sweep spec", "check the path");
        return parse(YamlDocument.parse(file, text), text, file.toAbsolutePath().getParent());
    }

    /** The built-in default sweep: ResNet-50 on the systolic template's default space. */
    public static SweepSpec builtInDefault() {
        try (InputStream in = SweepSpecs.class.getResourceAsStream("default-sweep.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(YamlDocument.parse(Path.of("<built-in default sweep>"), text), text, Path.of(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SweepSpec parse(YamlDocument doc, String text, Path base) {
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        root.allowOnly(KEYS);

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

        HwConfig fixed = new HwConfig(readValues(root.child("fixed")));
        DesignSpace space = template == null ? DesignSpace.of() : template.defaultSpace();
        SpecNode spaceNode = root.child("space");
        if (spaceNode.expectObject()) {
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
            space = new DesignSpace(ps);
        }
        for (Parameter p : space.parameters()) {
            if (fixed.has(p.name())) root.problem("fixed." + p.name(), "'" + p.name() + "' is both swept (space) and fixed; keep one");
        }
        if (template != null && tech != null) checkValues(template, tech, space, fixed, root);

        String samplingName = root.string("sampling", "grid");
        Sampling sampling = Sampling.parse(samplingName).orElse(Sampling.GRID);
        if (Sampling.parse(samplingName).isEmpty()) root.problem("sampling", "must be grid, random or sobol (found \"" + samplingName + "\")");
        long samples = root.longValue("samples", 1000);
        if (samples < 1) root.problem("samples", "must be >= 1 (found " + samples + ")");
        if (sampling == Sampling.GRID && space.size() > MAX_GRID) {
            root.problem("sampling", "the grid has " + space.size() + " points (more than " + MAX_GRID
                    + "); use sampling: random or sobol with samples: N");
        }
        long seed = root.longValue("seed", 1);
        List<Metrics.Name> pareto = metrics(root.child("pareto"), List.of(Metrics.Name.LATENCY, Metrics.Name.ENERGY, Metrics.Name.AREA), 2, 3);
        List<Metrics.Name> plot = metrics(root.child("plot"), pareto.subList(0, Math.min(2, pareto.size())), 2, 2);
        Path output = Path.of(root.string("output", "runs/sweep"));
        if (!output.isAbsolute()) output = base.resolve(output);
        output = output.toAbsolutePath().normalize();
        problems.throwIfAny();
        return new SweepSpec(doc.file().toString(), sha256(text), network, networkRef, template, tech, space, fixed,
                sampling, samples, seed, pareto, plot, output);
    }

    /** Tries every listed value on its own (others at their defaults) so a bad value is named at its line. */
    private static void checkValues(AcceleratorTemplate t, TechnologyTable tech, DesignSpace space, HwConfig fixed, SpecNode root) {
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

    private static Map<String, Object> readValues(SpecNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!node.expectObject()) return m;
        for (String k : node.keys()) {
            Object o = node.child(k).scalar();
            if (o != null) m.put(k, o);
        }
        return m;
    }

    private static List<Metrics.Name> metrics(SpecNode node, List<Metrics.Name> fallback, int min, int max) {
        if (node.isMissing()) return fallback;
        List<Metrics.Name> out = new ArrayList<>();
        for (SpecNode e : node.elements()) {
            Object o = e.scalar();
            Optional<Metrics.Name> m = o == null ? Optional.empty() : Metrics.Name.parse(o.toString());
            if (m.isEmpty() || m.get() == Metrics.Name.FPS) {
                if (o != null) e.problem("unknown metric '" + o + "'; use latency, energy, area or edp");
            } else if (out.contains(m.get())) {
                e.problem("metric listed twice");
            } else {
                out.add(m.get());
            }
        }
        if (out.size() < min || out.size() > max) {
            node.problem("list " + (min == max ? "exactly " + min : min + " or " + max) + " metrics of latency, energy, area, edp");
            return fallback;
        }
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
