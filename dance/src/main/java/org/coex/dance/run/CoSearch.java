package org.coex.dance.run;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.interop.OutputDirectory;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;
import org.coex.dance.loop.CoExploration;
import org.coex.dance.loop.ReturnedNetwork;
import org.coex.dance.spec.SearchSpec;
import org.coex.evaluator.api.AnalyticEvaluator;
import org.coex.evaluator.api.Evaluator;
import org.coex.evaluator.cube.ConfigCosts;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.cube.CostCubeBuilder;
import org.coex.hdx.ConstraintGuard;
import org.coex.nas.retrain.RetrainConfig;
import org.coex.nas.data.Normalization;
import org.coex.nas.run.NasRetrain;
import org.coex.nas.run.NasSpec;
import org.coex.nas.run.JsonLines;
import org.coex.nas.run.NasSearch;
import org.coex.nas.run.RunFolder;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.ArchitectureJson;
import org.coex.nas.space.Op;
import org.coex.nas.supernet.TorchRuntime;
import org.coex.nas.train.EpochStats;
import org.coex.nas.train.SearchTrainer;
import org.nd4j.common.util.ArrayUtil;

/**
 * Front door of {@code coex search}: the supernet search with DANCE's evaluator cost and HDX's
 * gradient projection, a line of {@code log.jsonl} and a checkpoint (with HDX's deltas) per epoch,
 * then the truth: the derived architecture on the evaluator's configuration re-measured analytically,
 * the configuration repaired by exact search if a limit fails ({@link TruthCheck}), optional
 * retraining, and {@code result.json} + {@code architecture.json}.
 */
public final class CoSearch {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Soft-min temperature and violation penalty of the analytic evaluator's hardware choice. */
    private static final double CHOICE_TEMPERATURE = 1e-3;
    private static final double CHOICE_PENALTY = 100;
    /** What a run says when no accelerator of the space serves its network within every limit. */
    public static final String TOO_LARGE = "No accelerator of the design space serves this network within every limit: the network itself is too large for them";

    private CoSearch() {}

    /**
     * @param validationAccuracy the supernet's accuracy on the validation part after the last epoch (argmax path for binary gates)
     * @param networkAccuracy    the returned network's accuracy on the validation part, each layer's chosen op alone on the
     *                           weights the supernet trained (not retrained)
     * @param shortfall          when no accelerator serves the network within every limit, each limit's best value alone (else empty)
     */
    public record Result(Architecture architecture, TruthCheck.Outcome outcome, Evaluator.Choice predicted, double validationAccuracy,
                         double networkAccuracy, double testAccuracy, Path output, List<TruthCheck.Shortfall> shortfall) {}

    /**
     * @param resume continue from the output's checkpoint (starting over, with a notice, when there is none)
     * @param force  delete a run already in the output folder first (else such a folder is refused; {@link RunFolder})
     */
    public static Result run(SearchSpec spec, boolean resume, boolean force, Consumer<String> say, ProgressListener progress) throws IOException {
        long start = System.nanoTime();
        TorchRuntime.configure();   // before the evaluator's first NDManager: the search's PyTorch threads
        var space = spec.search().space();
        NasSearch.Split batches = NasSearch.Split.of(spec.search());   // before the folder is touched: bad data leaves nothing behind
        resume = RunFolder.prepare(spec.output(), resume, force, spec.settings(), say);
        Path checkpoint = spec.output().resolve("checkpoint");
        // the checkpoint is loaded before the costs are computed: a damaged one is refused at once, not after them
        try (SearchTrainer t = resume ? SearchTrainer.resume(space, spec.search().config(), checkpoint) : new SearchTrainer(space, spec.search().config())) {
            ConfigCosts costs = costs(spec, ProgressListener.NONE);
            say.accept(String.format(java.util.Locale.ROOT, "costs of %d encoding entries on %,d configurations ready (%.1f s)", costs.width(),
                    costs.configCount(), (System.nanoTime() - start) / 1e9));
            try (Evaluator evaluator = evaluator(spec, costs, say)) {
                // after the supernet and the evaluator exist: a space too large for memory or a damaged evaluator leaves no folder
                Files.createDirectories(spec.output());
                return search(spec, resume, t, evaluator, costs, batches, start, say, progress);
            }
        }
    }

    /** The search proper, its truth check and its files, on a trainer (new or resumed) and an evaluator. */
    private static Result search(SearchSpec spec, boolean resume, SearchTrainer t, Evaluator evaluator, ConfigCosts costs, NasSearch.Split batches,
                                 long start, Consumer<String> say, ProgressListener progress) throws IOException {
        var space = spec.search().space();
        Path checkpoint = spec.output().resolve("checkpoint");
        Path log = spec.output().resolve("log.jsonl");
        ConstraintGuard guard = new ConstraintGuard(spec.constraints(), spec.hdx().delta(), spec.hdx().growth());
        if (resume && Files.isRegularFile(checkpoint.resolve("hdx.json"))) {
            try {
                guard.restore(JSON.readValue(checkpoint.resolve("hdx.json").toFile(), double[].class));
            } catch (IOException | IllegalArgumentException e) {
                throw new SpecException(new Problem(checkpoint.resolve("hdx.json").toString(), 0, "--resume", "cannot continue: HDX's state is not "
                        + "that of this spec's constraints (" + e.getMessage().lines().findFirst().orElse("") + "); delete the checkpoint to start over"));
            }
        }
        NasSearch.keepLogUpTo(log, t.epoch());
        OptionalDouble finishedIn = t.epoch() >= spec.search().config().epochs() ? earlierSeconds(spec.output()) : OptionalDouble.empty();
        double readBack = epochSeconds(readLog(log));   // epochs an earlier invocation finished: their time counts, this one does not repeat them
        Path steps = spec.output().resolve("steps.jsonl");
        StepsLog.keepBefore(steps, t.epoch());
        CoExploration co = new CoExploration(evaluator, spec.objective(), spec.lambda(), guard, spec.hdx().check(), space.encoding());
        if (spec.method() != SearchSpec.Method.SEQUENTIAL) t.useObjective(co);
        while (t.epoch() < spec.search().config().epochs()) {
            EpochStats e = t.runEpoch(batches.train(), batches.validation(), progress);
            Map<String, Object> line = epochLine(e, evaluator, t.supernet().probabilities(), co);
            Files.writeString(log, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            StepsLog.append(steps, e.epoch(), co.drainHistory());
            Map<String, byte[]> state = new LinkedHashMap<>(RunFolder.settingsFile(spec.settings()));
            state.put("hdx.json", JSON.writeValueAsBytes(guard.deltas()));
            t.checkpoint(checkpoint, state);
            say.accept(String.format(java.util.Locale.ROOT, "epoch %d/%d: train acc %.4f, val acc %.4f, alpha entropy %.3f, predicted %s (%.1f s)",
                    e.epoch() + 1, spec.search().config().epochs(), e.trainAccuracy(), e.validationAccuracy(), e.alphaEntropy(), line.get("predicted"), e.seconds()));
        }
        List<Map<String, Object>> stepLines = readLog(steps);   // whole now: read once for the returned network and the plot
        ReturnedNetwork returned = spec.method() == SearchSpec.Method.HDX
                ? ReturnedNetwork.choose(co, t.supernet().derive(), StepsLog.latestWithinLimits(stepLines)) : null;
        Architecture arch = returned != null ? returned.judgement().network() : t.supernet().derive();
        Evaluator.Choice predicted = returned != null ? returned.judgement().choice() : evaluator.predict(arch);
        if (returned != null && returned.fellBack()) say.accept("returning " + returned.describe());
        TruthCheck.Outcome outcome = outcome(spec, costs, arch, predicted);
        List<TruthCheck.Shortfall> shortfall = outcome.feasible() || spec.method() == SearchSpec.Method.FIXED_HW ? List.of()
                : TruthCheck.shortfall(costs, arch, spec.limits(), CostCubeBuilder.MAX_CONFIGS);
        double networkAccuracy = t.accuracyOf(arch, batches.validation());
        Retraining retraining = retrain(spec, arch, resume, say, progress);
        double accuracy = retraining.testAccuracy();
        // a run finished by an earlier invocation keeps the time it took then: checking it again is not searching
        double seconds = finishedIn.orElse(readBack + retraining.readBackSeconds() + (System.nanoTime() - start) / 1e9);
        List<Map<String, Object>> history = readLog(log);
        double validation = history.isEmpty() ? Double.NaN : ((Number) history.get(history.size() - 1).get("validation_accuracy")).doubleValue();
        Result result = new Result(arch, outcome, predicted, validation, networkAccuracy, accuracy, spec.output(), shortfall);
        OutputDirectory.writeAtomically(spec.output().resolve("result"), resultFiles(spec, result, returned, history, stepLines, seconds, batches.normalization()));
        return result;
    }

    /**
     * The returned network on its accelerator under the truth: fixed-hw on its own; sequential on the
     * best for its network by exact search (within the limits, or by the objective alone); the others on
     * the evaluator's choice. With {@code repair}, a choice that misses a limit is repaired by exact search.
     */
    private static TruthCheck.Outcome outcome(SearchSpec spec, ConfigCosts costs, Architecture arch, Evaluator.Choice predicted) {
        long seed = spec.search().config().seed();
        if (spec.method() == SearchSpec.Method.FIXED_HW) return TruthCheck.onFixed(costs, arch, fixedIndex(spec), spec.limits());
        if (spec.method() == SearchSpec.Method.SEQUENTIAL && spec.hardwareChoice() == SearchSpec.HardwareChoice.WITHIN_LIMITS) {
            return TruthCheck.bestHardware(costs, arch, spec.objective(), spec.limits(), spec.repairBudget(), seed);
        }
        int chosen = spec.method() == SearchSpec.Method.SEQUENTIAL
                ? TruthCheck.bestHardware(costs, arch, spec.objective(), List.of(), spec.repairBudget(), seed).finalConfig()
                : (int) costs.key().designSpace().indexOf(predicted.config());
        return spec.repair() ? TruthCheck.check(costs, arch, chosen, spec.objective(), spec.limits(), spec.repairBudget(), seed)
                : TruthCheck.asChosen(costs, arch, chosen, spec.limits());
    }

    /** The {@code seconds} of the result an earlier invocation wrote in {@code output}, if there is one. */
    private static OptionalDouble earlierSeconds(Path output) {
        Path result = output.resolve("result/result.json");
        try {
            JsonNode seconds = Files.isRegularFile(result) ? JSON.readTree(result.toFile()).get("seconds") : null;
            return seconds != null && seconds.isNumber() ? OptionalDouble.of(seconds.asDouble()) : OptionalDouble.empty();
        } catch (IOException damaged) {
            return OptionalDouble.empty();   // written again below
        }
    }

    /** Seconds the epochs of a log took, by their {@code seconds} fields. */
    private static double epochSeconds(List<Map<String, Object>> log) {
        return log.stream().mapToDouble(line -> ((Number) line.get("seconds")).doubleValue()).sum();
    }

    /**
     * What retraining gave.
     *
     * @param testAccuracy    NaN when the spec does not retrain
     * @param readBackSeconds what a retraining that an earlier invocation finished took (read back, not repeated); else 0
     */
    private record Retraining(double testAccuracy, double readBackSeconds) {}

    /** The derived network retrained from scratch (NaN accuracy when the spec does not retrain); a finished retraining is read back on resume. */
    private static Retraining retrain(SearchSpec spec, Architecture arch, boolean resume, Consumer<String> say, ProgressListener progress) throws IOException {
        if (spec.retrainEpochs() == 0) return new Retraining(Double.NaN, 0);
        Path retrained = spec.output().resolve("retrain/result/result.json");
        NasRetrain.Data data = NasRetrain.Data.load(spec.search().data(), spec.retrainImages(), spec.search().config().seed());
        if (resume && Files.isRegularFile(retrained)) {
            Map<?, ?> done = JSON.readValue(retrained.toFile(), Map.class);
            if (done.get("architecture").equals(arch.choices()) && java.util.Objects.equals(done.get("channels"), spec.search().space().searchesWidth() ? arch.stageChannels(spec.search().space()) : null) && ((Number) done.get("epochs")).intValue() == spec.retrainEpochs()
                    && ((Number) done.get("train_images")).intValue() == data.train().count()) {
                double accuracy = ((Number) done.get("test_accuracy")).doubleValue();
                say.accept("retraining already done: test accuracy " + accuracy);
                return new Retraining(accuracy, ((Number) done.get("seconds")).doubleValue());
            }
        }
        return new Retraining(NasRetrain.run(spec.search().space(), arch, specRetraining(spec.retrainEpochs(), spec.search().config().seed()), data, spec.output().resolve("retrain"),
                ep -> say.accept(String.format(java.util.Locale.ROOT, "retrain epoch %d/%d: train acc %.4f (%.1f s)", ep.epoch() + 1, spec.retrainEpochs(), ep.trainAccuracy(),
                        ep.seconds())), progress).testAccuracy(), 0);
    }

    /**
     * A spec's retraining ({@code retrain_epochs}): batch 128, lr 0.1 with a per-step cosine to zero,
     * momentum 0.9, weight decay 4e-5, no label smoothing and no warm-up (so a single epoch is allowed),
     * 2-pixel crop and flip: the recipe of the proxy accuracies in benchmarks/RESULTS.md, not {@code coex nas train}'s.
     */
    private static RetrainConfig specRetraining(int epochs, long seed) {
        int batchSize = 128, warmupEpochs = 0, cropPadding = 2;
        double lr = 0.1, momentum = 0.9, weightDecay = 4e-5, labelSmoothing = 0;
        boolean flip = true;
        return new RetrainConfig(epochs, batchSize, lr, momentum, weightDecay, labelSmoothing, warmupEpochs, cropPadding, flip, seed);
    }

    /** Everything under result/: result.json, architecture.json, plots, report.md and the exports. */
    private static Map<String, byte[]> resultFiles(SearchSpec spec, Result run, ReturnedNetwork returned, List<Map<String, Object>> history,
                                                   List<Map<String, Object>> steps, double seconds, Normalization norm) throws IOException {
        Architecture arch = run.architecture();
        var space = spec.search().space();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("result.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(result(spec, run, returned, seconds, norm)));
        files.put("architecture.json", ArchitectureJson.write(arch, space));
        String title = spec.method().spelling();
        if (!spec.constraints().isEmpty()) {
            String network = spec.hdx().check() == CoExploration.Check.DERIVED ? "argmax network on its accelerator" : "expected network";
            files.put("constraints.png", RunPlots.constraints(steps, spec.constraints(), title + " (" + network + ")"));
        }
        else if (!spec.limits().isEmpty()) files.put("constraints.png", RunPlots.limitsPerEpoch(history, spec.limits(), title));
        files.put("alpha.png", RunPlots.alpha(history, space, arch, title));
        files.put("report.md", report(spec, run, returned, seconds).getBytes(StandardCharsets.UTF_8));
        files.putAll(RunExports.files(spec.template(), spec.technology(), run.outcome().hardware(), arch.toNetwork(space)));
        return files;
    }

    private static List<Map<String, Object>> readLog(Path log) { return JsonLines.read(log); }

    /** The cube when the design space can be enumerated, else costs on demand (a learned evaluator is then required). */
    private static ConfigCosts costs(SearchSpec spec, ProgressListener progress) {
        if (spec.designSpace().size() > CostCubeBuilder.MAX_CONFIGS && spec.evaluator().analytic()) {
            throw new SpecException(new Problem(spec.source(), 0, "evaluator", "the analytic evaluator enumerates the design space, which has "
                    + spec.designSpace().size() + " configurations (at most " + CostCubeBuilder.MAX_CONFIGS + "); train a learned one with `coex evaluator train`"));
        }
        return CostCubeBuilder.costs(spec.search().space(), spec.template(), spec.designSpace(), spec.technology(), spec.technologyName(), progress);
    }

    private static int fixedIndex(SearchSpec spec) { return (int) spec.designSpace().indexOf(spec.fixedHardware()); }

    private static Evaluator evaluator(SearchSpec spec, ConfigCosts costs, Consumer<String> say) throws IOException {
        if (spec.method() == SearchSpec.Method.FIXED_HW) {
            if (!(costs instanceof CostCube cube)) {
                throw new SpecException(new Problem(spec.source(), 0, "method", "fixed-hw costs ops on the cube, which enumerates at most "
                        + CostCubeBuilder.MAX_CONFIGS + " configurations; narrow hardware.space"));
            }
            return AnalyticEvaluator.fixed(cube, fixedIndex(spec));
        }
        if (spec.evaluator().analytic()) {
            return AnalyticEvaluator.choosing((CostCube) costs, spec.objective(), spec.choiceLimits(), CHOICE_TEMPERATURE, CHOICE_PENALTY);
        }
        return EvaluatorSetup.learned(spec, costs, say);
    }

    private static Map<String, Object> epochLine(EpochStats e, Evaluator evaluator, double[] p, CoExploration co) {
        Map<String, Object> m = e.logFields();
        try (NDManager scope = NDManager.newBaseManager()) {
            Evaluator.Prediction pr = evaluator.forward(scope.create(ArrayUtil.toFloats(p)));
            Map<String, Object> predicted = new LinkedHashMap<>();
            predicted.put("latency_ms", pr.latencyMs().getFloat(0));
            predicted.put("energy_uj", pr.energyUj().getFloat(0));
            predicted.put("area_mm2", pr.areaMm2().getFloat(0));
            m.put("predicted", predicted);
        }
        if (co.lastStep() != null) {
            List<Map<String, Object>> cs = new ArrayList<>();
            for (int k = 0; k < co.guard().constraints().size(); k++) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("metric", co.guard().constraints().get(k).metric());
                c.put("bound", co.guard().constraints().get(k).bound());
                c.put("violated_last_step", co.lastStep().violated()[k]);
                c.put("delta", co.guard().deltas()[k]);
                cs.add(c);
            }
            m.put("constraints", cs);
        }
        m.put("probabilities", java.util.Arrays.stream(p).map(v -> Math.round(v * 1e6) / 1e6).boxed().toList());
        m.put("seconds", e.seconds());
        return m;
    }

    private static Map<String, Object> result(SearchSpec spec, Result run, ReturnedNetwork returned, double seconds, Normalization norm) {
        Architecture arch = run.architecture();
        TruthCheck.Outcome o = run.outcome();
        Evaluator.Choice predicted = run.predicted();
        double validation = run.validationAccuracy();
        double accuracy = run.testAccuracy();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", spec.method().spelling());
        Map<String, Double> objective = new LinkedHashMap<>();
        spec.objective().weights().forEach((metric, weight) -> objective.put(metric.column(), weight));
        r.put("objective", objective);
        r.put("lambda", spec.lambda());
        r.put("architecture", arch.ops(spec.search().space()).stream().map(Op::name).toList());
        r.put("choices", arch.choices());
        if (spec.search().space().searchesWidth()) r.put("channels", arch.stageChannels(spec.search().space()));
        r.put("macs", arch.toNetwork(spec.search().space()).macs());
        if (returned != null) {
            r.put("returned_network", returned.describe());
            if (returned.fellBack()) r.put("final_argmax_network", returned.finalNetwork().network().label());
        }
        r.put("accelerator", o.hardware().values());
        r.put("template", spec.template().name());
        r.put("predicted", predicted.metrics().asMap());
        r.put("predicted_accelerator", predicted.config().values());
        r.put("true", o.truth().asMap());
        r.put("hardware_choice", spec.hardwareChoice().spelling());
        r.put("repair", spec.repair());
        r.put("repaired", o.repaired());
        if (o.repaired()) r.put("true_on_predicted_accelerator", o.chosenTruth().asMap());
        r.put("constraints", o.limits().stream().map(c -> limitRow(c.limit(), "true_value", c.value(), "met", c.met())).toList());
        r.put("feasible", o.feasible());
        if (!run.shortfall().isEmpty()) {
            r.put("network_shortfall", run.shortfall().stream().map(f -> limitRow(f.limit(), "best_on_any_accelerator", f.bestAlone(), "over_by", f.overBy())).toList());
        }
        r.put("network_validation_accuracy", run.networkAccuracy());
        r.put("search_validation_accuracy", Double.isNaN(validation) ? null : validation);
        r.put("test_accuracy", Double.isNaN(accuracy) ? null : accuracy);
        r.put("seconds", Math.round(seconds * 10) / 10.0);
        r.put("seed", spec.search().config().seed());
        r.put("pytorch_threads", TorchRuntime.threads());
        r.put("data", dataRecord(spec.search(), norm));
        return r;
    }

    /** What the run trained on: the line the probe printed, input shape, class names in label order, the weight-training split's statistics. */
    private static Map<String, Object> dataRecord(NasSpec search, Normalization norm) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("found", search.dataLine());
        d.put("input", List.of(search.shape().channels(), search.shape().rows(), search.shape().cols()));
        d.put("classes", search.shape().classNames());
        d.put("normalization", norm.toMap());
        return d;
    }

    /** One limit as result.json lists it: metric, bound, then two fields of the caller's. */
    private static Map<String, Object> limitRow(org.coex.accel.optimize.HardLimit limit, String key1, Object value1, String key2, Object value2) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("metric", limit.metric().column());
        l.put("bound", limit.bound());
        l.put(key1, value1);
        l.put(key2, value2);
        return l;
    }

    /** A page a person reads: what was searched, what came out, and each limit under the truth. */
    static String report(SearchSpec spec, Result run, ReturnedNetwork returned, double seconds) {
        Architecture arch = run.architecture();
        TruthCheck.Outcome o = run.outcome();
        Evaluator.Choice predicted = run.predicted();
        double accuracy = run.testAccuracy();
        var space = spec.search().space();
        StringBuilder b = new StringBuilder("# coex search: " + spec.method().spelling() + "\n\n");
        b.append(String.format(java.util.Locale.ROOT, "Spec `%s`: %s on %s (%,d configurations), objective %s, lambda %.3g, seed %d; %.0f s.%n%n",
                spec.source(), space.name(), spec.template().name(), spec.designSpace().size(), spec.objective(), spec.lambda(),
                spec.search().config().seed(), seconds));
        b.append("Network: ").append(String.join(", ", arch.ops(space).stream().map(Op::name).toList()))
                .append(space.searchesWidth() ? "; stage channels " + arch.stageChannels(space) : "")
                .append(String.format(java.util.Locale.ROOT, " (%,d MACs)", arch.toNetwork(space).macs()))
                .append(returned != null ? ": " + returned.describe() + ".\n\n" : ".\n\n");
        b.append("Accelerator: `").append(o.hardware()).append('`').append(o.repaired() ? " (repaired by exact search: the evaluator's choice missed a limit)" : "")
                .append(spec.hardwareChoice() == SearchSpec.HardwareChoice.OBJECTIVE ? "; chosen for the objective alone, the limits left out of the choice" : "")
                .append(spec.repair() || spec.method() == SearchSpec.Method.FIXED_HW ? "" : "; no repair: the verdict is on what the search returned")
                .append(".\n\n");
        b.append("| metric | predicted | true |\n|---|---|---|\n");
        Metrics t = o.truth();
        Metrics p = predicted.metrics();
        b.append(String.format(java.util.Locale.ROOT, "| latency ms | %.5g | %.5g |%n| energy uJ | %.5g | %.5g |%n| area mm2 | %.5g | %.5g |%n%n",
                p.latencyMs(), t.latencyMs(), p.energyUj(), t.energyUj(), p.areaMm2(), t.areaMm2()));
        if (!o.limits().isEmpty()) {
            b.append("| limit | true value | met |\n|---|---|---|\n");
            for (TruthCheck.LimitCheck c : o.limits()) {
                b.append(String.format(java.util.Locale.ROOT, "| %s | %.5g | %s |%n", c.limit(), c.value(), c.met() ? "yes" : "**no**"));
            }
            b.append('\n');
        }
        if (!run.shortfall().isEmpty()) {
            b.append(TOO_LARGE).append(":\n\n");
            for (TruthCheck.Shortfall f : run.shortfall()) b.append("- ").append(f.describe()).append('\n');
            b.append('\n');
        }
        b.append(String.format(java.util.Locale.ROOT, "Validation accuracy of this network: %.2f %% (its ops alone on the weights the supernet "
                + "trained, not retrained). The supernet itself at the end of the search: %.2f %% (as it was trained: the p-weighted mixture "
                + "for Gumbel-softmax, the argmax path for binary gates).%n%n", 100 * run.networkAccuracy(), 100 * run.validationAccuracy()));
        b.append(Double.isNaN(accuracy) ? "Not retrained (`retrain_epochs: 0`); `coex nas train result/architecture.json` does it.\n"
                : String.format(java.util.Locale.ROOT, "Test accuracy after retraining: %.2f %%.%n", 100 * accuracy));
        b.append(!spec.constraints().isEmpty()
                ? "\nPlots: `constraints.png` (each constrained metric against its bound at every architecture step), `alpha.png` (how each layer decided).\n"
                : !spec.limits().isEmpty()
                ? "\nPlots: `constraints.png` (the predicted value of each limit's metric against its bound after every epoch; not enforced), `alpha.png` (how each layer decided).\n"
                : "\nPlot: `alpha.png` (how each layer decided).\n");
        return b.toString();
    }

}
