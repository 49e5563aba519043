package org.coex.accel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coex.accel.interop.Timeloop;
import org.coex.accel.mapping.Metric;
import org.coex.accel.nest.Accesses;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.LevelResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coex timeloop}: Timeloop's input files in; that mapping's counts and energy out, or (no mapping given) a mapping of coex's own. */
@Command(name = "timeloop", mixinStandardHelpOptions = true,
        header = "Evaluate a mapping in Timeloop's input files as timeloop-model does, or find one as timeloop-mapper does.",
        footer = {"", "Examples:",
            "  coex timeloop examples/timeloop/input.yaml examples/timeloop/map.yaml examples/timeloop/ERT.yaml examples/timeloop/ART.yaml -o out",
            "  coex timeloop arch.yaml problem.yaml constraints.yaml ERT.yaml ART.yaml mapper.yaml -o mapped   (no mapping: coex maps)"},
        description = {"Reads Timeloop's input files (architecture of version 0.2-0.4 in the tree form, CNN_Layer problem, "
            + "ERT, ART; merged by top-level key like Timeloop, a later file winning).",
            "With a 'mapping': evaluates exactly that mapping and writes DIR/coex-timeloop.json.",
            "Without one: searches for the mapping that minimizes the metric (--metric, else the mapper section's "
            + "optimization metrics in turn, else EDP) within the files' architecture and mapspace constraints, and writes DIR/map.yaml "
            + "(Timeloop's format) and DIR/coex-timeloop.json. Constraints coex cannot honour are named, not ignored."})
public final class TimeloopCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Timeloop YAML files (e.g. input.yaml map.yaml ERT.yaml ART.yaml)")
    List<Path> files;
    @Option(names = {"-o", "--output"}, defaultValue = ".", paramLabel = "DIR", description = "output folder")
    Path outDir;
    @Option(names = "--metric", paramLabel = "edp|energy|delay",
            description = "what to minimize when the files hold no mapping (default: the mapper's optimization metrics in turn, else edp)")
    String metric;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Metric chosen = metric == null ? null : metric.strip().equalsIgnoreCase("delay") ? Metric.LATENCY : Metric.parse(metric)
                .orElseThrow(() -> Cli.usage("--metric", "unknown metric '" + metric + "'; use edp, energy or delay"));
        Timeloop.Run run = Timeloop.run(files, outDir, chosen);
        var r = run.result();
        run.search().ifPresent(s -> out.printf("mapped by coex's search, minimizing %s (chosen by %s): %,d mappings costed%s%n",
                s.describe(), s.metricSource(), s.evaluated(),
                s.exhaustive() ? ", the whole map space" : " in stages"));
        out.print(run.model().mapping().toTimeloopNotation(run.model().architecture()));
        out.printf("computes %,d  cycles %,d  energy %.2f uJ  (%d of %d MACs busy)%n", r.computes(), r.cycles(),
                r.energyPj() / 1e6, r.utilizedMacs(), run.model().architecture().macInstances());
        for (LevelResult l : r.levels()) {
            for (DataSpace ds : DataSpace.values()) {
                Accesses a = l.accesses().get(ds);
                if (a != null) out.printf("  %-24s %-8s reads %,15d  fills %,13d  updates %,15d%n", l.name(), ds.timeloopName(),
                        a.reads(), a.fills(), a.updates());
            }
        }
        if (run.search().isPresent()) out.println("wrote " + run.report().resolveSibling(Timeloop.MAP));
        out.println("wrote " + run.report());
        return 0;
    }
}
