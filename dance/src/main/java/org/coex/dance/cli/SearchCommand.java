package org.coex.dance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.coex.accel.cli.Progress;
import org.coex.accel.cost.Metrics;
import org.coex.dance.run.CoSearch;
import org.coex.dance.run.TruthCheck;
import org.coex.dance.spec.SearchSpec;
import org.coex.dance.spec.SearchSpecs;
import org.coex.nas.cli.NasCommand;
import org.coex.nas.cli.StopOnSignal;
import org.coex.nas.cli.DataOption;
import org.coex.nas.cli.ThreadsOption;
import org.coex.nas.space.Op;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coex search [SPEC]}: co-exploration of a network and its accelerator (DANCE, with HDX's hard limits); no SPEC runs the built-in default. */
@Command(name = "search", mixinStandardHelpOptions = true,
        header = "Co-explore a network and its accelerator under hard limits (DANCE + HDX).",
        footer = {"", "Examples:", "  coex search", "  coex search examples/search-energy-area.yaml", "  coex search my-spec.yaml --resume"},
        description = {"Co-explores a network and its accelerator from a YAML spec (docs/search.md): a supernet, an evaluator "
            + "that makes hardware cost differentiable, and HDX's hard limits; then re-measures the result with the analytic model "
            + "(repairing the accelerator by exact search if a limit fails) and writes <output>/result/. Exit 4 when no design meets the limits.",
            "Without SPEC: the built-in default (the settings of examples/search-latency.yaml, output runs/search-default)."})
public final class SearchCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SPEC", description = "search spec (YAML); examples/ has ready ones") Path specFile;
    @Option(names = "--resume", description = "continue the run in the output folder from its checkpoint") boolean resume;
    @Option(names = "--force", description = "start over: delete the run already in the output folder first") boolean force;
    @Mixin DataOption data;
    @Mixin ThreadsOption threads;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SearchSpec s = specFile == null ? SearchSpecs.builtInDefault(data.dir()) : SearchSpecs.load(specFile, data.dir());
        threads.apply(1);
        out.println(s.search().dataLine());
        out.printf("search: %s on %s (%,d configurations), method %s, objective %s, lambda %.3g, limits %s%n", s.search().space().name(), s.template().name(),
                s.designSpace().size(), s.method().spelling(), s.objective(), s.lambda(), s.limits());
        s.cluster().ifPresent(c -> out.println("cluster: " + c.master() + " is where coex compare runs this spec's searches; one search runs here"));
        out.flush();
        CoSearch.Result r;
        try (StopOnSignal stop = new StopOnSignal(); Progress progress = Progress.start("epoch", spec.commandLine().getErr())) {
            r = CoSearch.run(s, resume, force, line -> {
                out.println(line);
                out.flush();
            }, stop.watch(progress));
        } catch (StopOnSignal.Stopped e) {
            return NasCommand.stopped(spec.commandLine().getErr(), e, NasCommand.resumeHint(s.output().resolve("checkpoint")));
        }
        var space = s.search().space();
        out.printf("network: %s%s (%,d MACs)%n", String.join(", ", r.architecture().ops(space).stream().map(Op::name).toList()),
                space.searchesWidth() ? "; stage channels " + r.architecture().stageChannels(space) : "", r.architecture().toNetwork(space).macs());
        out.printf("accelerator: %s%s%n", r.outcome().hardware(), r.outcome().repaired() ? " (the evaluator's choice missed a limit; repaired by exact search)" : "");
        for (TruthCheck.LimitCheck c : r.outcome().limits()) {
            boolean floor = c.limit().metric() == Metrics.Name.FPS;
            out.printf(Locale.ROOT, "  %-10s %s %s %s  %s%n", c.limit().metric().column(), plain(c.value()), floor ? ">=" : "<=", plain(c.limit().bound()),
                    c.met() ? "met" : "NOT met");
        }
        if (!r.shortfall().isEmpty()) {
            out.println("  " + CoSearch.TOO_LARGE + ":");
            for (TruthCheck.Shortfall f : r.shortfall()) out.println("    " + f.describe());
        }
        out.printf(Locale.ROOT, "accuracy: %.2f %% on the validation images (this network on the supernet's weights, not retrained)%s%n", 100 * r.networkAccuracy(),
                Double.isNaN(r.testAccuracy()) ? "; not retrained (retrain_epochs: 0)" : String.format(Locale.ROOT, "; %.2f %% on the test images after retraining", 100 * r.testAccuracy()));
        out.println("report: " + r.output().resolve("result/report.md"));
        return r.outcome().feasible() ? 0 : 4;
    }

    /** Five significant digits, no trailing zeros: 0.01409, 11.095, 40000. */
    static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(5)).stripTrailingZeros().toPlainString();
    }
}
