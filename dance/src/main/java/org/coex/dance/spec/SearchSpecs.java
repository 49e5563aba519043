package org.coex.dance.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.Target;
import org.coex.accel.cluster.ClusterSettings;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.Templates;
import org.coex.dance.loop.CoExploration;
import org.coex.nas.run.NasSpec;
import org.coex.nas.run.NasSpecs;

/** Reads {@code coex search} specs (layout: docs/search.md), every problem with its key path and line. */
public final class SearchSpecs {
    static final List<String> KEYS = List.of("search", "data", "hardware", "evaluator", "objective", "lambda", "constraints", "hdx", "method",
            "retrain_epochs", "retrain_images", "repair_budget", "hardware_choice", "repair", "cluster", "output");

    private SearchSpecs() {}

    /**
     * The built-in default ({@code coex search} with no spec): the settings of
     * {@code examples/search-latency.yaml}, latency <= 0.04 ms on the spatial template, written to
     * {@code runs/search-default} under the working directory.
     */
    public static SearchSpec builtInDefault() { return builtInDefault(null); }

    /** The built-in default on the images in {@code dataDir} (null: Fashion-MNIST). */
    public static SearchSpec builtInDefault(Path dataDir) {
        try (InputStream in = SearchSpecs.class.getResourceAsStream("default-search.yaml")) {
            return parse(YamlDocument.parse(Path.of("<built-in default search>"), new String(in.readAllBytes(), StandardCharsets.UTF_8)), Path.of(""), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws SpecException listing every problem */
    public static SearchSpec load(Path file) { return load(file, null); }

    /**
     * @param dataDir the {@code --data} folder replacing the spec's, or null
     * @throws SpecException listing every problem
     */
    public static SearchSpec load(Path file, Path dataDir) {
        return parse(YamlDocument.parse(file, InputFiles.readString(file, "search spec", "check the path")), file.toAbsolutePath().getParent(), dataDir);
    }

    public static SearchSpec parse(YamlDocument doc, Path base) { return parse(doc, base, null); }

    public static SearchSpec parse(YamlDocument doc, Path base, Path dataDir) {
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        root.allowOnly(KEYS);
        SpecNode searchNode = root.child("search");
        if (root.has("data") && (searchNode.has("data") || searchNode.has("data_dir"))) {
            root.problem("data", "give the data once: at the top level or in 'search', not both");
        }
        NasSpec search = NasSpecs.read(searchNode, base, doc.file().toString(), root.has("data") ? root.child("data") : searchNode.child("data"), dataDir);
        if (root.child("search").has("hardware") || root.child("search").has("lambda")) {
            root.child("search").problem("'hardware' and 'lambda' belong at the top level of a co-exploration spec");
        }

        SpecNode hw = root.child("hardware");
        hw.allowOnly(List.of("template", "technology", "space", "fixed"));
        String templateName = hw.string("template", "spatial");
        AcceleratorTemplate template = Templates.byName(templateName).orElse(null);
        if (template == null) hw.problem("template", "unknown template '" + templateName + "'; installed: " + String.join(", ", Templates.names()));
        String techName = hw.string("technology", TechnologyTables.DEFAULT);
        TechnologyTable tech = null;
        try {
            tech = TechnologyTables.resolve(techName, base);
        } catch (SpecException e) {
            hw.problem("technology", "unknown technology '" + techName + "'; use one of " + String.join(", ", TechnologyTables.PRESETS) + " or a YAML table");
        }
        DesignSpace ds = template == null ? DesignSpace.of() : Target.readSpace(hw.child("space"), template.defaultSpace());
        if (template != null && tech != null && hw.has("space")) Target.checkValues(template, tech, ds, HwConfig.of(), hw);

        SearchSpec.EvaluatorChoice evaluator = evaluator(root.child("evaluator"), base);
        Objective objective = objective(root.child("objective"));
        double lambda = root.numberAtLeast("lambda", 0.0, 0);
        List<HardLimit> limits = limits(root.child("constraints"));
        SpecNode hdxNode = root.child("hdx");
        hdxNode.allowOnly(List.of("margin", "delta", "growth", "check"));
        String checkName = hdxNode.string("check", "derived");
        CoExploration.Check check = switch (checkName) {
            case "derived" -> CoExploration.Check.DERIVED;
            case "expected" -> CoExploration.Check.EXPECTED;
            default -> {
                hdxNode.problem("check", "must be derived (the argmax network) or expected (the p-weighted one) (found \"" + checkName + "\")");
                yield CoExploration.Check.DERIVED;
            }
        };
        double margin = hdxNode.fraction("margin", defaultMargin(evaluator, check));
        double delta = hdxNode.positive("delta", 0.05);
        double growth = hdxNode.numberAbove("growth", 1.5, 1);
        String methodName = root.string("method", "hdx");
        SearchSpec.Method method = SearchSpec.Method.parse(methodName).orElse(SearchSpec.Method.HDX);
        if (SearchSpec.Method.parse(methodName).isEmpty()) root.problem("method", "must be hdx, soft, sequential or fixed-hw (found \"" + methodName + "\")");
        HwConfig fixed = fixedHardware(hw.child("fixed"), ds);
        if (method == SearchSpec.Method.FIXED_HW && fixed == null && !hw.has("fixed")) {
            root.problem("method", "fixed-hw needs the accelerator under hardware.fixed (a value for every design-space parameter)");
        }
        if (method == SearchSpec.Method.HDX && !root.has("constraints") && root.has("method")) {
            root.problem("method", "hdx needs at least one entry under 'constraints' (or use method: soft)");
        }
        int retrain = root.integerAtLeast("retrain_epochs", 0, 0);
        int retrainImages = root.integerAtLeast("retrain_images", 0, 0);
        long repair = root.longAtLeast("repair_budget", 20_000, 1);
        String choiceName = root.string("hardware_choice", "within-limits");
        SearchSpec.HardwareChoice choice = SearchSpec.HardwareChoice.parse(choiceName).orElse(SearchSpec.HardwareChoice.WITHIN_LIMITS);
        if (SearchSpec.HardwareChoice.parse(choiceName).isEmpty()) {
            root.problem("hardware_choice", "must be objective (the objective's best accelerator, limits left out: DANCE as published) or within-limits"
                    + " (the best within every limit) (found \"" + choiceName + "\")");
        }
        boolean repairs = root.bool("repair", true);
        Path output = base.resolve(root.string("output", "runs/search")).toAbsolutePath().normalize();
        Optional<ClusterSettings> cluster = ClusterSettings.read(root.child("cluster"));
        problems.throwIfAny();
        return new SearchSpec(doc.file().toString(), search, template, tech, techName, ds, evaluator, objective, lambda, limits,
                new SearchSpec.Hdx(margin, delta, growth, check), method, retrain, retrainImages, repair, output, fixed, choice, repairs, cluster);
    }

    /**
     * HDX's margin when the spec gives none. The margin allows for the gap between what HDX checks and
     * what the final check measures. With the analytic evaluator judging the argmax network there is
     * none (HDX checks the very pair, with the very numbers, that the run returns), so 0: a margin would
     * only give away budget, and below a space's smallest accelerator it makes an area limit that every
     * design meets look violated for the whole search. Otherwise (a learned evaluator's prediction, or
     * the p-weighted network) 0.05.
     */
    static double defaultMargin(SearchSpec.EvaluatorChoice evaluator, CoExploration.Check check) {
        return evaluator.analytic() && check == CoExploration.Check.DERIVED ? 0 : 0.05;
    }

    /** {@code evaluator: analytic}, {@code evaluator: DIR} or {@code evaluator: {path: DIR, samples: N, epochs: E}}. */
    private static SearchSpec.EvaluatorChoice evaluator(SpecNode node, Path base) {
        if (node.isMissing()) return SearchSpec.EvaluatorChoice.ANALYTIC;
        String path;
        int samples = 100_000;
        int epochs = 40;
        if (node.isObject()) {
            node.allowOnly(List.of("path", "samples", "epochs"));
            path = node.requiredString("path", "give the folder of a learned evaluator (trained into it if it holds none)").orElse("analytic");
            samples = node.integerAtLeast("samples", samples, 10);
            epochs = node.integerAtLeast("epochs", epochs, 1);
        } else {
            path = String.valueOf(node.scalar());
        }
        if (path.equals("analytic")) return SearchSpec.EvaluatorChoice.ANALYTIC;
        Path dir = base.resolve(path).toAbsolutePath().normalize();
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            node.problem("'" + path + "' is a file; name 'analytic' or a folder (one written by `coex evaluator train`, or a new one to train into)");
        }
        return new SearchSpec.EvaluatorChoice(dir.toString(), samples, epochs);
    }

    /** {@code hardware.fixed}: one value of every design-space parameter; null when absent or wrong (problems reported). */
    private static HwConfig fixedHardware(SpecNode node, DesignSpace ds) {
        if (node.isMissing() || !node.expectObject()) return null;
        node.allowOnly(ds.parameters().stream().map(p -> p.name()).toList());   // a design-space parameter each
        java.util.Map<String, Object> values = new LinkedHashMap<>();
        for (String k : node.keys()) values.put(k, node.child(k).scalar());
        boolean ok = true;
        for (var p : ds.parameters()) {
            if (!values.containsKey(p.name())) {
                node.missing(p.name(), "missing '" + p.name() + "'; give one of " + p.values());
                ok = false;
            } else if (!p.values().contains(values.get(p.name()))) {
                node.problem(p.name(), values.get(p.name()) + " is not in the design space; use one of " + p.values());
                ok = false;
            }
        }
        if (!values.keySet().stream().allMatch(k -> ds.parameter(k).isPresent())) ok = false;   // reported by allowOnly
        return ok ? new HwConfig(values) : null;
    }

    /** {@code objective: latency} or {@code objective: {latency: 1, energy: 0.5}}; default latency. */
    private static Objective objective(SpecNode node) {
        if (node.isMissing()) return Objective.of(Metrics.Name.LATENCY);
        Map<Metrics.Name, Double> weights = new LinkedHashMap<>();
        if (node.isObject()) {
            for (String k : node.keys()) {
                var m = Metrics.Name.parse(k).filter(n -> n != Metrics.Name.FPS);
                double w = node.number(k, 1);
                if (m.isEmpty()) node.problem(k, "unknown metric; use latency, energy, edp or area");
                else if (!(w > 0)) node.problem(k, "weight must be > 0 (found " + w + ")");
                else weights.put(m.get(), w);
            }
        } else {
            Object v = node.scalar();
            var m = Metrics.Name.parse(String.valueOf(v)).filter(n -> n != Metrics.Name.FPS);
            if (m.isEmpty()) node.problem("must be latency, energy, edp or area, or a mapping of them to weights (found \"" + v + "\")");
            else weights.put(m.get(), 1.0);
        }
        return weights.isEmpty() ? Objective.of(Metrics.Name.LATENCY) : new Objective(weights);
    }

    /** {@code constraints: {latency_ms: 0.2, fps: 5000, area_mm2: 1.5, energy_uj: 30}}. */
    private static List<HardLimit> limits(SpecNode node) {
        return HardLimit.read(node, HardLimit.NAMES);
    }
}
