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
import org.coex.nas.data.DataSets;
import org.coex.nas.data.DataShape;
import org.coex.nas.data.DataSpec;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchSpaces;
import org.coex.nas.supernet.PathSampler;
import org.coex.nas.train.SearchConfig;

/** Reads {@code coex nas search} specs (layout: docs/nas.md); the built-in default needs no file. */
public final class NasSpecs {
    /**
     * The default search learns: Gumbel (every path, FBNet) on 3,000 weight-training and 1,500
     * validation images, 8 epochs of which 1 warms up the weights. ProxylessNAS's binary gates on
     * 15,000 + 5,000 images, the earlier default, took as long and stayed near 30 % validation accuracy
     * with alpha barely moving (benchmarks/RESULTS.md); they remain a choice ({@code strategy: binary_gates}).
     */
    static final int DEFAULT_TRAIN_LIMIT = 3_000;
    /**
     * Adam moves a logit by at most about its learning rate per step, and the default budget takes
     * about 80 architecture steps (7 epochs x 12 validation batches): at ProxylessNAS's 0.006 alpha could
     * move half a unit, its entropy stayed at 1.87 of ln 7 = 1.95 and the argmax was a near tie (two
     * machines derived two networks from one seed); at 0.05 it falls to 1.22 (benchmarks/RESULTS.md).
     */
    static final double DEFAULT_ALPHA_LR = 0.05;

    static final List<String> KEYS = List.of("space", "data", "data_dir", "validation", "train_limit", "epochs", "warmup_epochs",
            "batch_size", "strategy", "weight_lr", "momentum", "weight_decay", "alpha_lr", "tau0", "tau_decay", "crop_padding",
            "flip", "seed", "output", "hardware", "lambda");

    private NasSpecs() {}

    /**
     * The built-in default: the Fashion-MNIST space searched with Gumbel, sized for 2 CPU cores.
     *
     * @param dataDir the {@code --data} folder, or null for Fashion-MNIST
     */
    public static NasSpec builtInDefault(Path dataDir) {
        return parse(YamlDocument.parse(Path.of("<built-in default nas search>"), "output: runs/nas-default\n"), Path.of(""), dataDir);
    }

    /** The built-in default on the spec's data (Fashion-MNIST). */
    public static NasSpec builtInDefault() { return builtInDefault(null); }

    /** The spec in {@code file} on its own data. */
    public static NasSpec load(Path file) { return load(file, null); }

    /**
     * @param dataDir the {@code --data} folder replacing the spec's, or null
     * @throws SpecException listing every problem
     */
    public static NasSpec load(Path file, Path dataDir) {
        return parse(YamlDocument.parse(file, InputFiles.readString(file, "nas spec", "check the path")), file.toAbsolutePath().getParent(), dataDir);
    }

    static NasSpec parse(YamlDocument doc, Path base) { return parse(doc, base, null); }

    static NasSpec parse(YamlDocument doc, Path base, Path dataDir) {
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        NasSpec spec = read(root, base, doc.file().toString(), root.child("data"), dataDir);
        problems.throwIfAny();
        return spec;
    }

    /**
     * Reads a search section (a whole nas spec, or the {@code search} section of a co-exploration
     * spec) and probes its data; problems go to the node's collector, and fields may then be defaults.
     *
     * @param dataBlock the {@code data} block (in a co-exploration spec it may sit at the top level)
     * @param dataDir   the {@code --data} folder replacing the block's, or null
     */
    public static NasSpec read(SpecNode root, Path base, String source, SpecNode dataBlock, Path dataDir) {
        root.allowOnly(KEYS);
        DataSpec dataSpec = DataSpecs.read(dataBlock, base);
        if (root.has("data_dir")) {
            if (dataBlock.has("path")) root.problem("data_dir", "give the folder once: data.path replaces data_dir");
            else dataSpec = dataSpec.withPath(base.resolve(root.string("data_dir", "")).normalize());
        }
        if (root.has("validation")) {
            if (dataBlock.has("validation")) root.problem("validation", "give it once: data.validation replaces validation");
            else dataSpec = dataSpec.withValidation(DataSpecs.validation(root, dataSpec.validation()));
        }
        if (dataDir != null) dataSpec = dataSpec.withPath(dataDir.toAbsolutePath().normalize());
        DataShape shape = SearchSpaces.FASHION_MNIST;
        String dataLine = "";
        try {
            DataSets.Found found = DataSets.probe(dataSpec);
            shape = found.shape();
            dataLine = found.line();
            if (shape.rows() != shape.cols()) {
                (dataBlock.isMissing() ? root : dataBlock).problem("the images are " + shape.rows() + " x " + shape.cols()
                        + "; coex's search spaces take square inputs: give data.resize: [n, n]");
            }
        } catch (SpecException e) {
            e.problems().forEach(root::report);
        }
        String spaceRef = root.string("space", "default");
        SearchSpace space = SearchSpaces.builtIn(shape);
        if (!spaceRef.equals("default")) {
            try {
                space = SearchSpaces.load(base.resolve(spaceRef), shape);
            } catch (SpecException e) {
                e.problems().forEach(p -> root.problem("space", p.toString()));
            }
        }
        int validation = dataSpec.validation().of(shape.trainImages());
        if (validation >= shape.trainImages()) {
            SpecNode at = dataBlock.has("validation") ? dataBlock : root;
            at.problem("validation", "holds out " + validation + " of the " + shape.trainImages() + " training images, leaving none to train on;"
                    + " give a smaller count or a fraction");
            validation = Math.max(1, shape.trainImages() - 1);
        }
        int trainLimit = root.integerAtLeast("train_limit", DEFAULT_TRAIN_LIMIT, 0);
        int epochs = root.integerAtLeast("epochs", 8, 1);
        int warmup = root.integerAtLeast("warmup_epochs", 1, 0);   // the default (1) never exceeds epochs (>= 1)
        if (warmup > epochs) root.problem("warmup_epochs", "must not exceed epochs (" + epochs + ")");
        String strategyName = root.string("strategy", "gumbel").toUpperCase(Locale.ROOT);
        PathSampler.Strategy strategy = PathSampler.Strategy.BINARY_GATES;
        if (strategyName.equals("GUMBEL")) strategy = PathSampler.Strategy.GUMBEL;
        else if (!strategyName.equals("BINARY_GATES")) root.problem("strategy", "must be gumbel or binary_gates (found \"" + strategyName.toLowerCase(Locale.ROOT) + "\")");
        HardwareTarget hardware = hardware(root.child("hardware"), root.numberAtLeast("lambda", 0, 0), base);
        if (root.has("lambda") && hardware == null) root.problem("lambda", "lambda needs a 'hardware' section to cost the ops on");
        SearchConfig config = new SearchConfig(epochs, Math.min(warmup, epochs), root.integerAtLeast("batch_size", 128, 1),
                root.positive("weight_lr", 0.05), root.fraction("momentum", 0.9), root.numberAtLeast("weight_decay", 4e-5, 0),
                root.positive("alpha_lr", DEFAULT_ALPHA_LR), strategy, root.positive("tau0", 5.0), root.positive("tau_decay", 0.956),
                root.integerAtLeast("crop_padding", 2, 0), root.bool("flip", true), root.longValue("seed", 1), hardware == null ? 0 : hardware.lambda());
        Path output = base.resolve(root.string("output", "runs/nas")).toAbsolutePath().normalize();
        return new NasSpec(source, space, dataSpec, shape, dataLine, validation, trainLimit, config, output, hardware);
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
