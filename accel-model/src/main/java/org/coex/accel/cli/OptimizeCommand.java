package org.coex.accel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coex.accel.interop.OutputDirectory;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.HwOptimizer;
import org.coex.accel.optimize.OptimizeReport;
import org.coex.accel.optimize.OptimizeResult;
import org.coex.accel.optimize.OptimizeSpec;
import org.coex.accel.optimize.OptimizeSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coex optimize}: the best accelerator configuration for a network under hard limits. Exit 4 if none meets them. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        header = "Find the best accelerator configuration for a network under hard limits.",
        footer = {"", "Examples:", "  coex optimize examples/optimize-resnet50-systolic.yaml"},
        description = {"Find the best configuration of a design space for a network: minimize an objective under hard",
            "limits with Timefold Solver (exhaustive, hence proven, when the space fits the budget). Writes result.json;",
            "exit status 4 when no configuration meets the limits (the least-violating one is reported)."})
public final class OptimizeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "optimize spec (YAML); see docs/optimize.md")
    Path specFile;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        OptimizeSpec s = OptimizeSpecs.load(specFile);
        OptimizeResult r = HwOptimizer.optimize(s.problem(), s.budget(), s.seed());
        OutputDirectory.writeAtomically(s.output(), Map.of("result.json", OptimizeReport.json(s, r)));
        out.printf("%s: %,d of %,d configurations costed (%s)%n", s.target().network().name(), r.evaluations(),
                s.target().space().size(), r.method());
        out.printf("%s %s%n", r.feasible() ? (r.proven() ? "optimum:" : "best found:") : "NO FEASIBLE CONFIGURATION; least violating:",
                r.best().config());
        if (r.best().metrics() != null) {
            var m = r.best().metrics();
            out.printf("  %s = %.6g; latency %.6g ms, fps %.6g, energy %.6g uJ, area %.6g mm2%n", s.objective(), r.best().objective(),
                    m.latencyMs(), m.fps(), m.energyUj(), m.areaMm2());
            for (HardLimit l : s.limits()) {
                out.printf("  limit %-22s value %.6g  %s%n", l, m.get(l.metric()),
                        l.isMet(m) ? "met" : String.format("VIOLATED by %.2f %%", 100 * l.violation(m)));
            }
        } else if (r.best().refusal() != null) {
            out.printf("  the template refused every configuration costed, e.g. %s: %s%n", r.best().config(), r.best().refusal());
        }
        out.println("wrote " + s.output().resolve("result.json"));
        return r.feasible() ? 0 : 4;
    }
}
