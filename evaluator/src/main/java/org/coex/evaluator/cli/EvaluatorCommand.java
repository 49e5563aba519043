package org.coex.evaluator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coex.accel.cli.Progress;
import org.coex.accel.cluster.ClusterException;
import org.coex.accel.cluster.ClusterSettings;
import org.coex.accel.cluster.Clusters;
import org.coex.accel.cluster.TaskRunner;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.spec.OptionChecks;
import org.coex.accel.spec.SpecException;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.Templates;
import org.coex.evaluator.api.AnalyticEvaluator;
import org.coex.accel.space.DesignSpace;
import org.coex.evaluator.cube.ConfigCosts;
import org.coex.evaluator.cube.CostCube;
import org.coex.accel.explore.DesignSpaceFiles;
import org.coex.evaluator.data.Optima;
import org.coex.evaluator.cube.CostCubeBuilder;
import org.coex.evaluator.data.DatasetFiles;
import org.coex.evaluator.data.ClusterGeneration;
import org.coex.evaluator.data.DatasetGeneration;
import org.coex.evaluator.data.GenerationBudget;
import org.coex.evaluator.data.LabelledSamples;
import org.coex.accel.interop.OutputDirectory;
import org.coex.evaluator.net.EvaluatorFiles;
import org.coex.evaluator.net.LearnedEvaluator;
import org.coex.evaluator.report.Fidelity;
import org.coex.evaluator.report.FidelityReport;
import org.coex.evaluator.train.EvaluatorTrainer;
import org.coex.nas.cli.DataOption;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchSpaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coex evaluator}: DANCE's learned evaluator and its training data. */
@Command(name = "evaluator", mixinStandardHelpOptions = true,
        header = "DANCE's learned evaluator: generate a cost dataset, train the networks, report their fidelity.",
        footer = {"", "Examples:", "  coex evaluator generate --samples 100000 -o runs/evaluator-data", "  coex evaluator train runs/evaluator-data -o runs/evaluator", "  coex evaluator report runs/evaluator runs/evaluator-data"},
        description = "Cost datasets labelled by the analytic model, the networks trained to imitate it, and their fidelity reports (docs/evaluator.md).",
        subcommands = {EvaluatorCommand.Generate.class, EvaluatorCommand.Train.class, EvaluatorCommand.Report.class})
public final class EvaluatorCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code coex evaluator generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            header = "Label sampled architectures with the analytic cost model and their optimal configurations.",
            footer = {"", "Examples:", "  coex evaluator generate --samples 100000 -o runs/evaluator-data", "  coex evaluator generate --template spatial --objective latency --limit area_mm2=1.5",
                "  coex evaluator generate --samples 1000000 -o runs/big --resume     (continue it after Ctrl-C or a kill)"},
            description = {"Label sampled architectures x configurations with the analytic cost model, and each architecture with",
                "its optimal configuration; writes .npy arrays and manifest.json (layout: docs/evaluator.md)."})
    public static final class Generate implements Callable<Integer> {
        @Option(names = "--space", paramLabel = "FILE", description = "search-space YAML (default: the built-in Fashion-MNIST space)")
        Path spaceFile;
        @Mixin DataOption images;
        @Option(names = "--template", defaultValue = "spatial", description = "accelerator template")
        String template;
        @Option(names = "--design-space", paramLabel = "FILE", description = {"YAML with a `space:` mapping (parameter: [values]) as in sweep specs",
            "(default: the template's default space)"})
        Path designSpaceFile;
        @Option(names = "--solver-budget", defaultValue = "2000", description = {"configurations costed per architecture by coex optimize's solver",
            "when the design space has more than " + CostCubeBuilder.MAX_CONFIGS + " points (smaller ones are enumerated)"})
        long solverBudget;
        @Option(names = "--technology", defaultValue = TechnologyTables.DEFAULT, description = "technology preset or YAML file")
        String technology;
        @Option(names = "--samples", defaultValue = "100000", description = "architectures to sample and label") int samples;
        @Option(names = "--objective", defaultValue = "latency", description = "latency, energy, edp or area: what the optimal configuration minimizes")
        String objective;
        @Option(names = "--limit", paramLabel = "METRIC=BOUND", description = "hard limit on the optimal configuration: latency_ms, fps, area_mm2, energy_uj or edp_uj_ms, e.g. area_mm2=1.5; repeatable")
        List<String> limits = new ArrayList<>();
        @Option(names = "--seed", defaultValue = "1", description = "seed of the architecture sampler") long seed;
        @Option(names = {"-o", "--output"}, defaultValue = "runs/evaluator-data", paramLabel = "DIR", description = {"folder for the .npy arrays and manifest.json",
            "(they grow in DIR.part until the last sample is in)"}) Path output;
        @Option(names = "--resume", description = "continue a generation that was stopped (DIR.part), with the same options") boolean resume;
        @Option(names = "--master", paramLabel = "URL", description = {"label on Spark: local[N], local[*] or spark://host:port; the files are "
                + "the same as without it (docs/cluster.md)"}) String master;
        @Spec CommandSpec spec;

        /** What the options name, resolved and checked (cheap: nothing costed yet). */
        record Inputs(SearchSpace space, AcceleratorTemplate template, TechnologyTable technology, DesignSpace designSpace, Objective objective,
                      List<HardLimit> limits) {}

        /** What the options set up: their inputs and the dataset to write. */
        record Prepared(Inputs inputs, DatasetGeneration.Request request, double seconds) {}

        Inputs inputs() {
            SearchSpace space = images.space(spaceFile);
            AcceleratorTemplate t = Templates.byName(template).orElseThrow(() -> problem("--template",
                    "unknown template '" + template + "'; installed: " + String.join(", ", Templates.names())));
            TechnologyTable tech = TechnologyTables.resolve(technology, Path.of(""));
            Objective obj = Objective.of(Metrics.Name.parse(objective).filter(m -> m != Metrics.Name.FPS)
                    .orElseThrow(() -> problem("--objective", "must be latency, energy, edp or area (found \"" + objective + "\")")));
            List<HardLimit> hard = new ArrayList<>();
            for (String l : limits) hard.add(limit(l));
            OptionChecks.atLeast("--samples", samples, 1);
            OptionChecks.atLeast("--solver-budget", solverBudget, 1);
            DesignSpace ds = designSpaceFile == null ? t.defaultSpace() : DesignSpaceFiles.load(designSpaceFile, t, tech);
            return new Inputs(space, t, tech, ds, obj, hard);
        }

        /** Builds the costs and the optimum finder the options ask for (the same on the driver and in every cluster task). */
        Prepared prepare(Inputs in, ProgressListener progress) {
            long start = System.nanoTime();
            ConfigCosts costs = CostCubeBuilder.costs(in.space(), in.template(), in.designSpace(), in.technology(), technology, progress);
            Optima optima = Optima.of(costs, in.objective(), in.limits(), solverBudget, seed);
            return new Prepared(in, new DatasetGeneration.Request(costs, optima, samples, seed, in.objective(), in.limits()),
                    (System.nanoTime() - start) / 1e9);
        }

        /** These options as a command line whose paths are absolute, for a cluster task to read them again wherever it runs. */
        List<String> portableArgs() {
            List<String> a = new ArrayList<>();
            if (spaceFile != null) a.addAll(List.of("--space", spaceFile.toAbsolutePath().normalize().toString()));
            if (images.dir() != null) a.addAll(List.of("--data", images.dir().toAbsolutePath().normalize().toString()));
            a.addAll(List.of("--template", template));
            if (designSpaceFile != null) a.addAll(List.of("--design-space", designSpaceFile.toAbsolutePath().normalize().toString()));
            a.addAll(List.of("--solver-budget", String.valueOf(solverBudget)));
            Path techFile = Path.of(technology);
            a.addAll(List.of("--technology", java.nio.file.Files.isRegularFile(techFile) ? techFile.toAbsolutePath().normalize().toString() : technology));
            a.addAll(List.of("--samples", String.valueOf(samples), "--objective", objective, "--seed", String.valueOf(seed)));
            for (String l : limits) a.addAll(List.of("--limit", l));
            return a;
        }

        @Override public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ClusterSettings.checkOption(master);
            Inputs in = inputs();
            SearchSpace space = in.space();
            AcceleratorTemplate t = in.template();
            DesignSpace ds = in.designSpace();
            long stopped = Math.max(0, DatasetGeneration.refuseToRestart(output, resume));
            GenerationBudget.check(samples, space.encoding().length(), ds.parameters().size(), ds.size(), space.costTerms().terms().size(), solverBudget,
                    output, stopped, Runtime.getRuntime().maxMemory());
            // a cluster is reached before the cost model is built, so an unreachable one costs nothing
            ClusterSettings cluster = master == null ? null : new ClusterSettings(master, Map.of());
            try (TaskRunner runner = cluster == null ? null : Clusters.open(cluster)) {
                return generate(in, runner, out);
            } catch (ClusterException e) {
                throw e.asProblem(cluster, null);
            }
        }

        /** The dataset written, on this machine ({@code runner} null) or as cluster tasks. */
        private int generate(Inputs in, TaskRunner runner, PrintWriter out) throws IOException {
            SearchSpace space = in.space();
            AcceleratorTemplate t = in.template();
            DesignSpace ds = in.designSpace();
            long start = System.nanoTime();
            Prepared p;
            try (Progress progress = Progress.start("configurations", spec.commandLine().getErr())) {
                p = prepare(in, progress);
            }
            DatasetGeneration.Request r = p.request();
            if (r.costs() instanceof CostCube) {
                out.printf("cost cube: %s, %d searchable layers, %d encoding entries x %,d %s configurations (%.1f s)%n", space.name(),
                        space.layers().size(), r.costs().width(), r.costs().configCount(), t.name(), p.seconds());
            } else {
                out.printf("%,d %s configurations: costed on demand, optima by %s%n", ds.size(), t.name(), r.optima().method());
            }
            out.flush();
            DatasetGeneration.Written written;
            java.util.function.Consumer<String> say = line -> {
                out.println(line);
                out.flush();
            };
            if (runner != null) {
                out.println("labelling on Spark " + master);
                out.flush();
                List<String> args = portableArgs();
                written = ClusterGeneration.run(r, output, resume, say, runner, (from, count, dir) -> new LabelChunk(args, from, count, dir));
            } else {
                try (Progress progress = Progress.start("samples", spec.commandLine().getErr())) {
                    written = DatasetGeneration.run(r, output, resume, say, progress);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("%,d samples (optimum under %s%s: %,d meet the limits), %,d labelled in %.1f s; wrote %s%n", samples, r.objective(),
                    r.limits().isEmpty() ? "" : ", " + r.limits(), written.meetLimits(), written.labelled(), seconds, output.toAbsolutePath().normalize());
            return 0;
        }

        /** {@code METRIC=BOUND}, or a one-line mistake naming the option. */
        public static HardLimit limit(String text) {
            try {
                return HardLimit.parse(text, HardLimit.NAMES_WITH_EDP);
            } catch (IllegalArgumentException e) {
                throw problem("--limit", e.getMessage());
            }
        }

        static SpecException problem(String option, String message) {
            return SpecException.option(option, message);
        }
    }

    /** {@code coex evaluator train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            header = "Train the cost estimation and hardware generation networks on a generated dataset.",
            footer = {"", "Examples:", "  coex evaluator train runs/evaluator-data -o runs/evaluator"},
            description = {"Train the cost estimation and hardware generation networks on a dataset from `generate`; writes the",
                "evaluator (parameters + evaluator.json) and its fidelity report on the held-out samples."})
    public static final class Train implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "DATA", description = "dataset folder written by coex evaluator generate")
        Path data;
        @Option(names = "--space", paramLabel = "FILE", description = "the search-space YAML the dataset was made for (default: built-in)")
        Path spaceFile;
        @Mixin DataOption images;
        @Option(names = "--epochs", defaultValue = "40", description = "passes over the training samples") int epochs;
        @Option(names = "--batch-size", defaultValue = "512", description = "samples per step") int batchSize;
        @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate") double lr;
        @Option(names = "--hidden", defaultValue = "256,256,256", split = ",", description = "hidden widths of both networks") int[] hidden;
        @Option(names = "--held-out", defaultValue = "0.1", description = "fraction of samples (the last ones) kept for the report") double heldOut;
        @Option(names = "--seed", defaultValue = "1", description = "seed of initialization and shuffling") long seed;
        @Option(names = {"-o", "--output"}, defaultValue = "runs/evaluator", paramLabel = "DIR", description = "folder for the trained evaluator and its fidelity report") Path output;
        @Spec CommandSpec spec;

        @Override public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            OptionChecks.openFraction("--held-out", heldOut);
            OptionChecks.atLeast("--epochs", epochs, 1);
            OptionChecks.atLeast("--batch-size", batchSize, 1);
            OptionChecks.positive("--lr", lr);
            for (int h : hidden) OptionChecks.atLeast("--hidden", h, 1);
            SearchSpace space = images.space(spaceFile);
            ConfigCosts cube = costsOf(data, space, spec);
            LabelledSamples d = DatasetFiles.read(data, cube);
            var config = new EvaluatorTrainer.Config(epochs, batchSize, lr, heldOut, seed, hidden);
            out.printf("training on %,d of %,d samples (%d epochs, hidden %s)%n", EvaluatorTrainer.trainCount(d, config), d.size(), epochs,
                    java.util.Arrays.toString(hidden));
            out.flush();
            long start = System.nanoTime();
            try (LearnedEvaluator ev = EvaluatorTrainer.train(d, config, e -> {
                out.printf("epoch %d/%d: estimator loss %.5f, generator loss %.4f (%.1f s)%n", e.epoch() + 1, epochs, e.estimatorLoss(), e.generatorLoss(), e.seconds());
                out.flush();
            })) {
                double seconds = (System.nanoTime() - start) / 1e9;
                Fidelity f = Fidelity.measure(ev, d, EvaluatorTrainer.trainCount(d, config));
                java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>(EvaluatorFiles.files(ev, cube.key(), hidden,
                        EvaluatorTrainer.trainCount(d, config)));
                files.putAll(FidelityReport.files(f, analyticFidelity(cube, d, EvaluatorTrainer.trainCount(d, config)),
                        cube.key().template() + " / " + space.name()));
                OutputDirectory.writeAtomically(output, files);
                out.print(FidelityReport.markdownSummary(f));
                out.printf("trained in %.0f s; wrote %s%n", seconds, output.toAbsolutePath().normalize());
            }
            return 0;
        }
    }

    /**
     * The analytic evaluator on the same held-out samples: exact costs in float32, configuration by a
     * cold soft-min; null when the design space is too large to enumerate.
     */
    static Fidelity analyticFidelity(ConfigCosts costs, LabelledSamples d, int from) {
        if (!(costs instanceof CostCube cube)) return null;
        try (AnalyticEvaluator a = AnalyticEvaluator.choosing(cube, d.objective(), d.limits(), 1e-3, 100)) {
            return Fidelity.measure(a, d, from);
        }
    }

    /** The costs a dataset was made with: its manifest's template, technology and design space (a cube when it is small enough). */
    static ConfigCosts costsOf(Path data, SearchSpace space, CommandSpec spec) throws IOException {
        if (!java.nio.file.Files.isRegularFile(data.resolve("manifest.json"))) {
            throw Generate.problem("DATA", data + " holds no manifest.json; make a dataset with `coex evaluator generate -o " + data + "`");
        }
        DatasetFiles.checkArrays(data);   // a damaged file is named now, not after the costs are computed
        var manifest = DatasetFiles.manifest(data);
        String templateName = String.valueOf(manifest.get("template"));
        AcceleratorTemplate t = Templates.byName(templateName).orElseThrow(() -> Generate.problem("DATA", "the dataset names template '" + templateName
                + "', which is not installed; installed: " + String.join(", ", Templates.names())));
        String technology = String.valueOf(manifest.get("technology"));
        TechnologyTable tech = TechnologyTables.resolve(technology, Path.of(""));
        DesignSpace ds = DatasetFiles.designSpace(manifest);
        DatasetFiles.checkValues(data, ds);   // a damaged value is named before the costs are computed
        try (Progress progress = Progress.start("configurations", spec.commandLine().getErr())) {
            return CostCubeBuilder.costs(space, t, ds, tech, technology, progress);
        }
    }

    /** {@code coex evaluator report}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            header = "Measure a trained evaluator again on the held-out samples of its dataset.",
            footer = {"", "Examples:", "  coex evaluator report runs/evaluator runs/evaluator-data"},
            description = "Measure a trained evaluator on the held-out samples of its dataset again; writes report.json, report.md and parity plots.")
    public static final class Report implements Callable<Integer> {
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "MODEL", description = "folder written by coex evaluator train") Path model;
        @picocli.CommandLine.Parameters(index = "1", paramLabel = "DATA", description = "the dataset it was trained on") Path data;
        @Option(names = "--space", paramLabel = "FILE", description = "the search-space YAML (default: built-in)") Path spaceFile;
        @Mixin DataOption images;
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "default: MODEL") Path output;
        @Spec CommandSpec spec;

        @Override public Integer call() throws IOException {
            SearchSpace space = images.space(spaceFile);
            ConfigCosts cube = costsOf(data, space, spec);
            LabelledSamples d = DatasetFiles.read(data, cube);
            try (LearnedEvaluator ev = EvaluatorFiles.load(model, cube.key())) {
                int heldOut = EvaluatorFiles.firstHeldOut(model);
                Fidelity f = Fidelity.measure(ev, d, heldOut);
                Path out = output == null ? model : output;
                OutputDirectory.writeAtomically(out, FidelityReport.files(f, analyticFidelity(cube, d, heldOut),
                        cube.key().template() + " / " + space.name()));
                spec.commandLine().getOut().print(FidelityReport.markdownSummary(f));
                spec.commandLine().getOut().printf("wrote %s%n", out.toAbsolutePath().normalize());
            }
            return 0;
        }
    }
}
