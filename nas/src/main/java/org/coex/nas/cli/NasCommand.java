package org.coex.nas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.coex.accel.cli.Progress;
import org.coex.accel.interop.NetworkFiles;
import org.coex.accel.interop.OutputDirectory;
import org.coex.accel.spec.OptionChecks;
import org.coex.accel.spec.SpecException;
import org.coex.nas.retrain.RetrainConfig;
import org.coex.nas.retrain.TimeBudget;
import org.coex.nas.run.NasRetrain;
import org.coex.nas.run.NasSearch;
import org.coex.nas.run.NasSpec;
import org.coex.nas.run.NasSpecs;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.ArchitectureJson;
import org.coex.nas.space.LandmarkNetworks;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchSpaces;
import org.coex.nas.supernet.TorchRuntime;
import org.coex.nas.train.SearchTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coex nas}: neural architecture search on its own. */
@Command(name = "nas", mixinStandardHelpOptions = true,
        header = "Differentiable architecture search on Fashion-MNIST: search a supernet, retrain what it derives.",
        footer = {"", "Examples:", "  coex nas search", "  coex nas train runs/nas/result/architecture.json --epochs 6"},
        description = "Differentiable architecture search (supernet on Fashion-MNIST).",
        subcommands = {NasCommand.Search.class, NasCommand.Train.class, NasCommand.Space.class})
public final class NasCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** One line on stderr for a run stopped by a signal; exit status 130 as a shell reports Ctrl-C. */
    public static int stopped(PrintWriter err, StopOnSignal.Stopped e, String what) {
        err.println("coex: stopped by " + e.getMessage() + " at a step boundary; " + what);
        err.flush();
        return 130;
    }

    /**
     * What a search stopped by a signal leaves to continue from: its checkpoint folder if an epoch
     * finished, otherwise that there is nothing to resume (a {@code --resume} would start over anyway).
     */
    public static String resumeHint(Path checkpoint) {
        return SearchTrainer.hasCheckpoint(checkpoint)
                ? "finished epochs are in " + checkpoint + "; continue with --resume"
                : "no epoch had finished, so there is no checkpoint; run the same command again to start over";
    }

    /** {@code coex nas search}. */
    @Command(name = "search", mixinStandardHelpOptions = true,
            header = "Search a supernet's architecture parameters and derive a network.",
            footer = {"", "Examples:", "  coex nas search", "  coex nas search my-nas.yaml --resume"},
            description = {"Train a supernet and its architecture parameters; per epoch a line of log.jsonl and a checkpoint;",
                "writes result/architecture.json. Without SPEC: the built-in Fashion-MNIST default."})
    public static final class Search implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "SPEC", description = "nas spec (YAML); see docs/nas.md")
        Path specFile;
        @Option(names = "--resume", description = "continue the run in the output folder from its checkpoint")
        boolean resume;
        @Option(names = "--force", description = "start over: delete the run already in the output folder first")
        boolean force;
        @Mixin DataOption data;
        @Mixin ThreadsOption threads;
        @Spec CommandSpec spec;

        @Override public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            NasSpec s = specFile == null ? NasSpecs.builtInDefault(data.dir()) : NasSpecs.load(specFile, data.dir());
            threads.apply(1);
            out.println(s.dataLine());
            out.printf("nas search: %s, %d searchable layers, %s, %d epochs (%d warm-up), seed %d%n", s.space().name(), s.space().layers().size(),
                    s.config().strategy().name().toLowerCase(Locale.ROOT), s.config().epochs(), s.config().warmupEpochs(), s.config().seed());
            if (s.hardware() != null) {
                out.printf("hardware-aware: lambda %.3g on %s %s%n", s.hardware().lambda(), s.hardware().metric().column(), s.hardware().description());
            }
            out.flush();
            int epochs = s.config().epochs();
            NasSearch.Result r;
            try (StopOnSignal stop = new StopOnSignal(); Progress progress = Progress.start("epoch", spec.commandLine().getErr())) {
                r = NasSearch.run(s, resume, force, line -> {
                    out.println(line);
                    out.flush();
                }, e -> {
                    out.printf("epoch %d/%d: loss %.4f, train acc %.4f, val acc %.4f, alpha entropy %.3f, %s (%.1f s)%n", e.epoch() + 1, epochs, e.trainLoss(),
                            e.trainAccuracy(), e.validationAccuracy(), e.alphaEntropy(), e.architecture().describe(s.space()), e.seconds());
                    out.flush();
                }, stop.watch(progress));
            } catch (StopOnSignal.Stopped e) {
                return stopped(spec.commandLine().getErr(), e, resumeHint(s.output().resolve("checkpoint")));
            }
            out.println("derived " + r.architecture().describe(s.space()) + "; wrote " + r.output().resolve("result/architecture.json"));
            return 0;
        }
    }

    /** {@code coex nas train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            header = "Retrain a derived network from scratch and report its test accuracy.",
            footer = {"", "Examples:", "  coex nas train runs/nas/result/architecture.json", "  coex nas train architecture.json --minutes 20 --threads 2"},
            description = {"Train a derived architecture (architecture.json) from scratch on the 60,000 training images and",
                "report its test accuracy on the 10,000 test images; writes log.jsonl and result.json."})
    public static final class Train implements Callable<Integer> {
        @Parameters(paramLabel = "ARCH", description = "architecture.json written by coex nas search")
        Path archFile;
        @Option(names = "--space", paramLabel = "FILE", description = "the search space YAML it was derived in (default: built-in)")
        Path spaceFile;
        @Option(names = "--epochs", description = "epochs to train (default 6; not with --minutes)") Integer epochs;
        @Option(names = "--minutes", paramLabel = "M",
                description = "train as many epochs as fit in M minutes of wall time from the start, test pass included (chosen after the first epoch)")
        Double minutes;
        @Option(names = "--batch-size", defaultValue = "128", description = "images per training step") int batchSize;
        @Option(names = "--lr", defaultValue = "0.1", description = "peak learning rate, reached after the warm-up, then a cosine to zero") double lr;
        @Option(names = "--warmup-epochs", defaultValue = "1", description = "epochs of linear learning-rate warm-up (at least 1 with --minutes)")
        int warmupEpochs;
        @Option(names = "--weight-decay", defaultValue = "5e-4", description = "on convolution and linear weights only") double weightDecay;
        @Option(names = "--label-smoothing", defaultValue = "0.1", description = "share of the target spread over the other classes, in [0, 1)") double labelSmoothing;
        @Option(names = "--crop-padding", defaultValue = "0", paramLabel = "PX", description = "random crop after padding by PX pixels (default 0: no crop)")
        int cropPadding;
        @Option(names = "--no-flip", description = "no random horizontal flip") boolean noFlip;
        @Option(names = "--train-limit", defaultValue = "0", description = "train on N training images drawn at random (by --seed) for quick runs; 0 = all")
        int trainLimit;
        @Option(names = "--seed", defaultValue = "1", description = "seed of initialization, shuffling and augmentation") long seed;
        @Mixin ResizeOption resize;
        @Mixin ThreadsOption threads;
        @Mixin DataOption data;
        @Option(names = {"-o", "--output"}, defaultValue = "runs/nas-train", paramLabel = "DIR", description = "folder for log.jsonl and result.json") Path output;
        @Spec CommandSpec spec;

        @Override public Integer call() throws IOException {
            long start = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;   // the JVM's start
            PrintWriter out = spec.commandLine().getOut();
            RetrainConfig config = config();
            resize.applyTo(data);
            var space = data.space(spaceFile);
            var arch = ArchitectureJson.read(archFile, space);
            var images = NasRetrain.Data.load(data.spec(), trainLimit, seed);
            threads.apply(Runtime.getRuntime().availableProcessors());
            out.printf("retraining %s (%,d MACs) on %,d images for %s, PyTorch threads: %d%n", arch.describe(space), arch.toNetwork(space).macs(),
                    images.train().count(), minutes == null ? epochs() + " epochs" : "as many epochs as fit in " + minutes + " minutes", TorchRuntime.threads());
            NasRetrain.Result r;
            try (StopOnSignal stop = new StopOnSignal(); Progress progress = Progress.start("epoch", spec.commandLine().getErr())) {
                var budget = Optional.ofNullable(minutes).map(m -> TimeBudget.minutesFrom(start, m));
                r = NasRetrain.run(space, arch, config, budget, images, output, ep -> {
                    out.printf("epoch %d: loss %.4f, train acc %.4f (%.1f s)%n", ep.epoch() + 1, ep.loss(), ep.trainAccuracy(), ep.seconds());
                    out.flush();
                }, stop.watch(progress));
            } catch (StopOnSignal.Stopped e) {
                return stopped(spec.commandLine().getErr(), e, "finished epochs are in " + output.resolve("log.jsonl") + "; no result written");
            }
            out.printf("test accuracy %.4f after %d epochs (%.0f s); wrote %s%n", r.testAccuracy(), r.epochs(), r.seconds(), r.resultFile());
            return 0;
        }

        private int epochs() { return epochs == null ? 6 : epochs; }


        /** The recipe from the options; a combination that cannot train is a one-line error naming the option. */
        private RetrainConfig config() {
            if (epochs != null && minutes != null) throw SpecException.option("--minutes", "give --epochs or --minutes, not both");
            OptionChecks.atLeast("--epochs", epochs(), 1);
            if (minutes != null) OptionChecks.positive("--minutes", minutes);
            if (minutes != null && warmupEpochs < 1) throw SpecException.option("--warmup-epochs", "must be >= 1 with --minutes (found " + warmupEpochs + ")");
            if (warmupEpochs < 0 || (minutes == null && warmupEpochs >= epochs())) {
                throw SpecException.option("--warmup-epochs", "must be >= 0 and fewer than --epochs " + epochs() + " (found " + warmupEpochs + ")");
            }
            OptionChecks.fraction("--label-smoothing", labelSmoothing);
            OptionChecks.atLeast("--crop-padding", cropPadding, 0);
            OptionChecks.atLeast("--batch-size", batchSize, 1);
            OptionChecks.positive("--lr", lr);
            OptionChecks.atLeast("--weight-decay", weightDecay, 0);
            OptionChecks.atLeast("--train-limit", trainLimit, 0);
            int planned = minutes == null ? epochs() : warmupEpochs + 1;   // with a budget, replaced after the first epoch
            return new RetrainConfig(planned, batchSize, lr, 0.9, weightDecay, labelSmoothing, warmupEpochs, cropPadding, !noFlip, seed);
        }
    }

    /** {@code coex nas space}. */
    @Command(name = "space", mixinStandardHelpOptions = true,
            header = "Describe a search space and write its fewest-MAC, middle and most-MAC networks.",
            footer = {"", "Examples:", "  coex nas space", "  coex nas space examples/space-fmnist-width.yaml --write runs/width-networks",
                "  coex nas train runs/width-networks/most-macs.json --space examples/space-fmnist-width.yaml"},
            description = {"Print a search space's shape (stem, stages with their widths, ops), its size, encoding and MAC range;",
                "with --write, its landmark networks as architecture.json files for coex nas train and as network files for coex cost, sweep and optimize."})
    public static final class Space implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "SPACE", description = "a search-space YAML (default: the built-in space)")
        Path spaceFile;
        @Option(names = "--write", paramLabel = "DIR", description = {"write fewest-macs.json, middle.json and most-macs.json (architectures, for coex nas train) and",
            "NAME.network.json (their layers, for coex cost, sweep and optimize) into DIR"})
        Path write;
        @Mixin DataOption data;
        @Mixin ResizeOption resize;
        @Spec CommandSpec spec;

        @Override public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            resize.applyTo(data);
            SearchSpace s = data.space(spaceFile);
            out.printf("%s (fingerprint %s): input %d x %d x %d, %d classes%n", s.name(), s.fingerprint(), s.inputChannels(), s.inputSize(), s.inputSize(), s.classes());
            out.printf("stem: %d channels, %dx%d stride %d -> %d x %d%n", s.stemChannels(), s.stemKernel(), s.stemKernel(), s.stemStride(), s.stemOutSize(), s.stemOutSize());
            var layers = s.layers();
            for (int i = 0; i < s.stages().size(); i++) {
                var st = s.stages().get(i);
                int stage = i;
                int size = layers.stream().filter(l -> l.stage() == stage).reduce((a, b) -> b).orElseThrow().outSize();
                out.printf("stage %d: %s %s, %d layers, stride %d -> %d x %d%n", i, st.searchableWidth() ? "widths" : "width", st.searchableWidth() ? st.widths() : st.widths().get(0),
                        st.layers(), st.firstStride(), size, size);
            }
            out.printf("ops: kernels %s x expansions %s%s; head %d channels%n", s.kernels(), s.expansions(), s.skip() ? " + skip where shapes agree" : "", s.headChannels());
            out.printf("%d searchable layers, %.3g networks; encoding %d entries, %d cost terms%n", layers.size(), LandmarkNetworks.count(s), s.encoding().length(),
                    s.costTerms().terms().size());
            Map<String, Architecture> landmarks = new LinkedHashMap<>();
            landmarks.put("fewest-macs", LandmarkNetworks.fewestMacs(s));
            landmarks.put("middle", LandmarkNetworks.middle(s));
            landmarks.put("most-macs", LandmarkNetworks.mostMacs(s));
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (var e : landmarks.entrySet()) {
                out.printf("%-12s %,13d MACs  %s%n", e.getKey() + ":", e.getValue().toNetwork(s).macs(), e.getValue().describe(s));
                files.put(e.getKey() + ".json", ArchitectureJson.write(e.getValue(), s));
                files.put(e.getKey() + ".network.json", NetworkFiles.write(e.getValue().toNetwork(s)));
            }
            if (write != null) {
                OutputDirectory.writeAtomically(write, files);
                out.println("wrote " + String.join(", ", files.keySet()) + " to " + write);
            }
            return 0;
        }
    }
}
