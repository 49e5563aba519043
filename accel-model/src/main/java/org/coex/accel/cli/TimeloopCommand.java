package org.coex.accel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coex.accel.interop.Timeloop;
import org.coex.accel.nest.Accesses;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.LevelResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coex timeloop}: Timeloop's input files in, that mapping's counts and energy out. */
@Command(name = "timeloop", mixinStandardHelpOptions = true,
        header = "Evaluate the mapping in Timeloop's own input files exactly, as timeloop-model does.",
        footer = {"", "Examples:", "  coex timeloop examples/timeloop/input.yaml examples/timeloop/map.yaml examples/timeloop/ERT.yaml examples/timeloop/ART.yaml -o out"},
        description = {"Evaluate exactly the mapping in Timeloop's input files (architecture of version 0.2-0.4 in the tree form, "
            + "CNN_Layer problem, mapping, ERT, ART; merged by top-level key like timeloop-model, a later file winning) "
            + "and write DIR/coex-timeloop.json."})
public final class TimeloopCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Timeloop YAML files (e.g. input.yaml map.yaml ERT.yaml ART.yaml)")
    List<Path> files;
    @Option(names = {"-o", "--output"}, defaultValue = ".", paramLabel = "DIR", description = "output folder")
    Path outDir;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Timeloop.Run run = Timeloop.run(files, outDir);
        var r = run.result();
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
        out.println("wrote " + run.report());
        return 0;
    }
}
