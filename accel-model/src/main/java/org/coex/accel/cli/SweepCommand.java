package org.coex.accel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coex.accel.cluster.ClusterException;
import org.coex.accel.cluster.ClusterSettings;
import org.coex.accel.cluster.Clusters;
import org.coex.accel.cluster.TaskRunner;
import org.coex.accel.explore.ClusterSweeps;
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
        footer = {"", "Examples:", "  coex sweep", "  coex sweep examples/sweep-mobilenetv2-sobol.yaml",
            "  coex sweep examples/sweep-resnet50-systolic.yaml --master local[*]     (Spark on this machine's cores; docs/cluster.md)"},
        description = {"Evaluate a network at every sampled point of an accelerator design space (all cores, or a Spark cluster with "
            + "--master); write points.csv, pareto.csv, pareto.json and pareto.png. Without SPEC: the built-in default (ResNet-50 over "
            + "the systolic template's 9,600-point space)."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SPEC", description = "sweep spec (YAML); see docs/sweeps.md")
    Path specFile;
    @Option(names = "--seed", paramLabel = "N", description = "override the spec's seed")
    Long seed;
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "override the spec's output folder")
    Path output;
    @Option(names = "--master", paramLabel = "URL",
            description = "run on Spark: local[N], local[*] or spark://host:port (overrides the spec's cluster.master; docs/cluster.md)")
    String master;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ClusterSettings.checkOption(master);
        SweepSpec s = specFile == null ? SweepSpecs.builtInDefault() : SweepSpecs.load(specFile, master != null);
        if (seed != null) s = s.withSeed(seed);
        if (output != null) s = s.withOutput(output.toAbsolutePath());
        if (master != null) s = s.withCluster(ClusterSettings.of(s.cluster(), master).orElseThrow());
        out.printf("sweep: %s (%,d MACs, %d layers) on %s, %s sampling of %,d points%s%n", s.network().name(),
                s.network().macs(), s.network().layers().size(), s.template().name(), s.sampling().key(), s.space().size(),
                s.cluster().map(c -> " on Spark " + c.master()).orElse(""));
        out.flush();
        SweepResult r;
        List<String> files;
        if (s.cluster().isPresent()) {
            try (TaskRunner runner = Clusters.open(s.cluster().get())) {
                r = ClusterSweeps.run(s, runner);
                files = SweepOutputs.write(r);
            } catch (ClusterException e) {
                throw e.asProblem(s.cluster().get(), specFile);
            } finally {
                ClusterSweeps.deleteParts(s);
            }
        } else {
            try (Progress progress = Progress.start("sweep", spec.commandLine().getErr())) {
                r = Sweeps.run(s, progress);
            }
            files = SweepOutputs.write(r);
        }
        out.printf("evaluated %,d designs (%,d feasible) in %.2f s; %d on the Pareto front%n", r.evaluated(),
                r.feasibleCount(), r.seconds(), r.front().size());
        for (Metrics.Name m : s.pareto()) {
            r.front().stream().min(java.util.Comparator.comparingDouble((SweepPoint p) -> p.metrics().get(m)))
                    .ifPresent(p -> out.printf("  best %-10s %-12.6g %s%n", m.column(), p.metrics().get(m), p.config()));
        }
        out.printf("wrote %d files to %s%n", files.size(), s.output());
        return 0;
    }
}
