package org.coex.nas.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.HwConfig;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.Accelerator;
import org.coex.accel.template.Templates;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchSpaces;
import org.coex.nas.supernet.PathSampler;
import org.coex.nas.train.SearchConfig;

/** Reads {@code coex nas search} specs (layout: docs/nas.md); the built-in default needs no file. */
public final class NasSpecs {
    static final List<String> KEYS = List.of("space", "data_dir", "validation", "train_limit", "epochs", "warmup_epochs",
            "batch_size", "strategy", "weight_lr", "momentum", "weight_decay", "alpha_lr", "tau0", "tau_decay", "crop_padding",
            "flip", "seed", "output", "hardware", "lambda");

    private NasSpecs() {}

    /** The built-in default: the Fashion-MNIST space, binary gates, sized for 2 CPU cores. */
    public static NasSpec builtInDefault() {
        return parse(YamlDocument.parse(Path.of("<built-in default nas search>"), "output: runs/nas-default\n"), Path.of(""));
    }

    /** @throws SpecException listing every problem */
    public static NasSpec load(Path file) {
        return parse(YamlDocument.parse(file, InputFiles.readString(file, "nas spec", "check the path")), file.toAbsolutePath().getParent());
    }

    static NasSpec parse(YamlDocument doc, Path base) {
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        NasSpec spec = read(root, base, doc.file().toString());
        problems.throwIfAny();
        return spec;
    }

    /**
     * Reads a search section (a whole nas spec, or the {@code search} section of a co-exploration
     * spec); problems go to the node's collector, and fields may then be defaults.
     */
    public static NasSpec read(SpecNode root, Path base, String source) {
        root.allowOnly(KEYS);
        String spaceRef = root.string("space", "default");
        SearchSpace space = SearchSpace.fashionMnistDefault();
        if (!spaceRef.equals("default")) {
            try {
                space = SearchSpaces.load(base.resolve(spaceRef));
            } catch (SpecException e) {
                e.problems().forEach(p -> root.problem("space", p.toString()));
            }
        }
        Path data = root.has("data_dir") ? base.resolve(root.string("data_dir", "")) : null;
        int validation = root.integerAtLeast("validation", 5_000, 1);
        int trainLimit = root.integerAtLeast("train_limit", 15_000, 0);
        int epochs = root.integerAtLeast("epochs", 8, 1);
        int warmup = root.integerAtLeast("warmup_epochs", 3, 0);
        if (warmup > epochs && root.has("warmup_epochs")) root.problem("warmup_epochs", "must not exceed epochs (" + epochs + ")");
        else if (warmup > epochs) root.problem("epochs", epochs + " is fewer than the default warmup_epochs (3, weights only); give more epochs or a smaller warmup_epochs");
        String strategyName = root.string("strategy", "binary_gates").toUpperCase(Locale.ROOT);
        PathSampler.Strategy strategy = PathSampler.Strategy.BINARY_GATES;
        if (strategyName.equals("GUMBEL")) strategy = PathSampler.Strategy.GUMBEL;
        else if (!strategyName.equals("BINARY_GATES")) root.problem("strategy", "must be gumbel or binary_gates (found \"" + strategyName.toLowerCase(Locale.ROOT) + "\")");
        HardwareTarget hardware = hardware(root.child("hardware"), root.numberAtLeast("lambda", 0, 0), base);
        if (root.has("lambda") && hardware == null) root.problem("lambda", "lambda needs a 'hardware' section to cost the ops on");
        SearchConfig config = new SearchConfig(epochs, Math.min(warmup, epochs), root.integerAtLeast("batch_size", 128, 1),
                root.positive("weight_lr", 0.05), root.fraction("momentum", 0.9), root.numberAtLeast("weight_decay", 4e-5, 0),
                root.positive("alpha_lr", 0.006), strategy, root.positive("tau0", 5.0), root.positive("tau_decay", 0.956),
                root.integerAtLeast("crop_padding", 2, 0), root.bool("flip", true), root.longValue("seed", 1), hardware == null ? 0 : hardware.lambda());
        Path output = base.resolve(root.string("output", "runs/nas")).toAbsolutePath().normalize();
        return new NasSpec(source, space, data, validation, trainLimit, config, output, hardware);
    }

    /** The {@code hardware} section: template, technology, config (parameter: value), metric (latency or energy). */
    private static HardwareTarget hardware(SpecNode node, double lambda, Path base) {
        if (node.isMissing() || !node.expectObject()) return null;
        node.allowOnly(List.of("template", "technology", "config", "metric"));
        String templateName = node.string("template", "systolic");
        var template = Templates.byName(templateName);
        if (template.isEmpty()) {
            node.problem("template", "unknown template '" + templateName + "'; installed: " + String.join(", ", Templates.names()));
            return null;
        }
        TechnologyTable tech;
        try {
            tech = TechnologyTables.resolve(node.string("technology", TechnologyTables.DEFAULT), base);
        } catch (SpecException e) {
            node.problem("technology", "unknown technology; use one of " + String.join(", ", TechnologyTables.PRESETS));
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        SpecNode cfg = node.child("config");
        if (cfg.expectObject()) for (String k : cfg.keys()) values.put(k, cfg.child(k).scalar());
        Accelerator acc;
        try {
            acc = template.get().configure(new HwConfig(values), tech);
        } catch (IllegalArgumentException e) {
            node.problem("config", e.getMessage());
            return null;
        }
        String metricName = node.string("metric", "latency");
        var metric = Metrics.Name.parse(metricName)
                .filter(m -> m == Metrics.Name.LATENCY || m == Metrics.Name.ENERGY);
        if (metric.isEmpty()) {
            node.problem("metric", "must be latency or energy (found \"" + metricName + "\")");
            return null;
        }
        if (lambda < 0) node.problem("lambda must be >= 0");
        return new HardwareTarget(templateName + " [" + acc.config() + "]", acc, metric.get(), Math.max(0, lambda));
    }
}
