package org.coex.accel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coex.accel.interop.ScaleSim;
import org.coex.accel.template.systolic.PythonSum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coex scalesim}: SCALE-Sim's own inputs in, SCALE-Sim's reports out. */
@Command(name = "scalesim", mixinStandardHelpOptions = true,
        header = "Run SCALE-Sim v2 input files through coex's systolic model and write SCALE-Sim's reports.",
        footer = {"", "Examples:", "  coex scalesim -c examples/scalesim/scale.cfg -t examples/scalesim/alexnet.csv -p out",
            "  coex scalesim -c examples/scalesim/google.cfg -t examples/scalesim/gpt2.csv -i gemm -p out"},
        description = {"Run SCALE-Sim v2 input files through coex's systolic model and write SCALE-Sim's reports",
            "(COMPUTE_REPORT.csv, DETAILED_ACCESS_REPORT.csv, BANDWIDTH_REPORT.csv) under <path>/<run_name>/."})
public final class ScaleSimCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "CFG", description = "SCALE-Sim .cfg file")
    Path config;
    @Option(names = {"-t", "--topology"}, required = true, paramLabel = "CSV", description = "SCALE-Sim topology CSV")
    Path topology;
    @Option(names = {"-i", "--input-type"}, defaultValue = "conv", paramLabel = "conv|gemm",
            description = "topology layout: conv (default) or gemm (name, M, N, K)")
    String inputType;
    @Option(names = {"-p", "--path"}, defaultValue = ".", paramLabel = "DIR", description = "output folder")
    Path outDir;
    @Option(names = "--python-version", defaultValue = "3.12", paramLabel = "X.Y",
            description = "match the last digits SCALE-Sim prints under this Python (3.12+ sums floats compensated; default 3.12)")
    String pythonVersion;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!inputType.equals("conv") && !inputType.equals("gemm")) {
            throw Cli.usage("-i/--input-type", "must be conv or gemm (found '" + inputType + "')");
        }
        PythonSum sum;
        try {
            sum = PythonSum.ofVersion(pythonVersion);
        } catch (IllegalArgumentException e) {
            throw Cli.usage("--python-version", e.getMessage());
        }
        long start = System.nanoTime();
        ScaleSim.Run run = ScaleSim.run(config, topology, inputType.equals("gemm"), outDir, sum);
        run.topology().warnings().forEach(w -> err.println("warning: " + w));
        out.printf("%d layer%s of %s on a %dx%d %s array: %,d cycles; reports in %s (%.1f ms)%n", run.layers().size(),
                run.layers().size() == 1 ? "" : "s",
                run.topology().name(), run.config().rows(), run.config().cols(), run.config().dataflow().key(),
                run.totalCycles(), run.reportDir(), (System.nanoTime() - start) / 1e6);
        return 0;
    }
}
