package org.coex.nas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coex.accel.cli.Progress;
import org.coex.nas.run.NasSearch;
import org.coex.nas.run.NasSpec;
import org.coex.nas.run.NasSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coex nas}: neural architecture search on its own. */
@Command(name = "nas", mixinStandardHelpOptions = true, description = "Differentiable architecture search (supernet on Fashion-MNIST).",
        subcommands = {NasCommand.Search.class})
public final class NasCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code coex nas search}. */
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Train a supernet and its architecture parameters; per epoch a line of log.jsonl and a checkpoint;",
                "writes result/architecture.json. Without SPEC: the built-in Fashion-MNIST default."})
    public static final class Search implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "SPEC", description = "nas spec (YAML); see docs/nas.md")
        Path specFile;
        @Option(names = "--resume", description = "continue from <output>/checkpoint")
        boolean resume;
        @Option(names = "--data-dir", paramLabel = "DIR", description = "folder with the four Fashion-MNIST IDX files")
        Path dataDir;
        @Spec CommandSpec spec;

        @Override public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            NasSpec s = specFile == null ? NasSpecs.builtInDefault() : NasSpecs.load(specFile);
            if (dataDir != null) s = new NasSpec(s.source(), s.space(), dataDir, s.validationSize(), s.trainLimit(), s.config(), s.output());
            out.printf("nas search: %s, %d searchable layers, %s, %d epochs (%d warm-up), seed %d%n", s.space().name(), s.space().layers().size(),
                    s.config().strategy().name().toLowerCase(java.util.Locale.ROOT), s.config().epochs(), s.config().warmupEpochs(), s.config().seed());
            out.flush();
            NasSearch.Result r;
            try (Progress progress = Progress.start("epoch", spec.commandLine().getErr())) {
                r = NasSearch.run(s, resume, e -> {
                    out.printf("epoch %2d: loss %.4f, train acc %.4f, val acc %.4f, alpha entropy %.3f, %s (%.1f s)%n", e.epoch(), e.trainLoss(),
                            e.trainAccuracy(), e.validationAccuracy(), e.alphaEntropy(), e.architecture().choices(), e.seconds());
                    out.flush();
                }, progress);
            }
            out.println("derived " + r.architecture().choices() + "; wrote " + r.output().resolve("result/architecture.json"));
            return 0;
        }
    }
}
