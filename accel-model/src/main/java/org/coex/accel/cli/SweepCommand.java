package org.coex.accel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.SweepOutputs;
import org.coex.accel.explore.SweepPoint;
import org.coex.accel.explore.SweepResult;
import org.coex.accel.explore.SweepSpec;
import org.coex.accel.explore.SweepSpecs;
import org.coex.accel.explore.Sweeps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coex sweep}: evaluate a network over a design space and write its Pareto front. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Evaluate a network on every sampled point of a design space; Pareto front and plot.",
        footer = {"", "Examples:", "  coex sweep", "  coex sweep examples/sweep-mobilenetv2-sobol.yaml"},
        description = {"Evaluate a network at every sampled point of an accelerator design space (all cores);",
            "write points.csv, pareto.csv, pareto.json and pareto.png. Without SPEC: the built-in default",
            "(ResNet-50 over the systolic template's 9,600-point space)."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SPEC", description = "sweep spec (YAML); see docs/sweeps.md")
    Path specFile;
    @Option(names = "--seed", paramLabel = "N", description = "override the spec's seed")
    Long seed;
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "override the spec's output folder")
    Path output;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SweepSpec s = specFile == null ? SweepSpecs.builtInDefault() : SweepSpecs.load(specFile);
        if (seed != null) s = s.withSeed(seed);
        if (output != null) s = s.withOutput(output.toAbsolutePath());
        out.printf("sweep: %s (%,d MACs, %d layers) on %s, %s sampling of %,d points%n", s.network().name(),
                s.network().macs(), s.network().layers().size(), s.template().name(), s.sampling().key(), s.space().size());
        out.flush();
        SweepResult r;
        try (Progress progress = Progress.start("sweep", spec.commandLine().getErr())) {
            r = Sweeps.run(s, progress);
        }
        List<String> files = SweepOutputs.write(r);
        out.printf("evaluated %,d designs (%,d feasible) in %.2f s; %d on the Pareto front%n", r.points().size(),
                r.feasibleCount(), r.seconds(), r.front().size());
        for (Metrics.Name m : s.pareto()) {
            r.front().stream().min(java.util.Comparator.comparingDouble((SweepPoint p) -> p.metrics().get(m)))
                    .ifPresent(p -> out.printf("  best %-10s %-12.6g %s%n", m.column(), p.metrics().get(m), p.config()));
        }
        out.printf("wrote %d files to %s%n", files.size(), s.output());
        return 0;
    }
}
