package org.coex.nas.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.interop.OutputDirectory;
import org.coex.nas.data.DataSets;
import org.coex.nas.data.DataSpec;
import org.coex.nas.data.Dataset;
import org.coex.nas.data.ImageSet;
import org.coex.nas.data.Normalization;
import org.coex.nas.retrain.RetrainConfig;
import org.coex.nas.retrain.Retrainer;
import org.coex.nas.retrain.TimeBudget;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.supernet.TorchRuntime;
import org.coex.nas.train.Batches;

/**
 * Front door of a retraining run: the derived network trained from scratch on the training images
 * (a line of {@code log.jsonl} per epoch), then its accuracy on the 10,000 test images in
 * {@code result/result.json}, written only when the run finishes.
 */
public final class NasRetrain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NasRetrain() {}

    /**
     * The images a run trains on ({@code trainLimit} of them drawn by {@code seed}, 0 = all) and tests
     * on, and the class names in label order.
     */
    public record Data(ImageSet train, ImageSet test, List<String> classNames) {
        public static Data load(DataSpec spec, int trainLimit, long seed) {
            Dataset d = DataSets.load(spec);
            return new Data(d.train().sample(trainLimit, seed), d.test(), d.classNames());
        }
    }

    public record Result(double testAccuracy, int epochs, double seconds, Path resultFile) {}

    public static Result run(SearchSpace space, Architecture arch, RetrainConfig config, Data data, Path output,
                             Consumer<Retrainer.Epoch> onEpoch, ProgressListener progress) throws IOException {
        return run(space, arch, config, Optional.empty(), data, output, onEpoch, progress);
    }

    /**
     * With a budget, the epoch count in {@code config} is replaced after the first epoch by as many as
     * fit ({@link TimeBudget}); the config must then warm up for at least one epoch.
     */
    public static Result run(SearchSpace space, Architecture arch, RetrainConfig config, Optional<TimeBudget> budget, Data data, Path output,
                             Consumer<Retrainer.Epoch> onEpoch, ProgressListener progress) throws IOException {
        if (budget.isPresent() && config.warmupEpochs() < 1) throw new IllegalArgumentException("a time budget needs at least one warm-up epoch");
        Normalization norm = data.train().normalization();
        Batches train = new Batches(data.train(), config.batchSize(), norm, config.cropPadding(), config.flip());
        Batches test = new Batches(data.test(), config.batchSize(), norm, 0, false);
        Files.createDirectories(output);
        Path log = output.resolve("log.jsonl");
        Files.deleteIfExists(log);
        long start = System.nanoTime();
        double accuracy;
        int epochs = config.epochs();
        try (Retrainer r = new Retrainer(space, arch, config)) {
            for (int e = 0; e < epochs; e++) {
                Retrainer.Epoch ep = r.runEpoch(train, progress);
                if (e == 0 && budget.isPresent()) {
                    epochs = budget.get().epochs(System.nanoTime(), ep.steadySeconds(), train.size(), test.size(), config.warmupEpochs() + 1);
                    r.setEpochs(epochs);
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("epoch", ep.epoch());
                line.put("train_loss", ep.loss());
                line.put("train_accuracy", ep.trainAccuracy());
                line.put("seconds", ep.seconds());
                Files.writeString(log, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                onEpoch.accept(ep);
            }
            accuracy = r.accuracy(test);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("architecture", arch.choices());
        if (space.searchesWidth()) result.put("channels", arch.stageChannels(space));
        result.put("macs", arch.toNetwork(space).macs());
        result.put("epochs", epochs);
        result.put("lr", config.lr());
        result.put("warmup_epochs", config.warmupEpochs());
        result.put("weight_decay", config.weightDecay());
        result.put("label_smoothing", config.labelSmoothing());
        result.put("batch_size", config.batchSize());
        result.put("crop_padding", config.cropPadding());
        result.put("flip", config.flip());
        result.put("train_images", data.train().count());
        result.put("input", List.of(data.train().channels(), data.train().rows(), data.train().cols()));
        result.put("normalization", norm.toMap());
        result.put("classes", data.classNames());
        result.put("test_accuracy", accuracy);
        result.put("seconds", Math.round(seconds * 10) / 10.0);
        result.put("seed", config.seed());
        result.put("pytorch_threads", TorchRuntime.threads());
        OutputDirectory.writeAtomically(output.resolve("result"),
                Map.of("result.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(result)));
        return new Result(accuracy, epochs, seconds, output.resolve("result/result.json"));
    }
}
