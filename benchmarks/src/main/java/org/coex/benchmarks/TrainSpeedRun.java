package org.coex.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.explore.ProgressListener;
import org.coex.nas.data.DataSets;
import org.coex.nas.data.DataSpec;
import org.coex.nas.data.Dataset;
import org.coex.nas.data.ImageSet;
import org.coex.nas.data.Normalization;
import org.coex.nas.retrain.RetrainConfig;
import org.coex.nas.retrain.Retrainer;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.ArchitectureJson;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;
import org.coex.nas.supernet.PathSampler;
import org.coex.nas.supernet.TorchRuntime;
import org.coex.nas.train.Batches;
import org.coex.nas.train.SearchConfig;
import org.coex.nas.train.SearchTrainer;

/**
 * coex's side of the training-speed comparison with plain PyTorch (benchmarks/scripts/train-speed-vs-pytorch.sh,
 * issue 21), on Fashion-MNIST at one thread count:
 * (a) two epochs of {@code coex nas train}'s recipe on a derived network (the first 10,000 training
 * images, batch 128, SGD momentum 0.9 with weight decay 5e-4 on weights, label smoothing 0.1, flip);
 * (b) the Gumbel supernet of examples/search-latency.yaml (3,000 + 1,500 images, batch 128): one
 * warm-up epoch of weight steps, then one epoch of a weight step and an architecture step per batch
 * and the validation pass; (c) the test pass of (a)'s network over the 10,000 test images.
 * Writes the times and the network's description (for the PyTorch side to build the same) as JSON.
 * {@code java -Dai.djl.offline=true -cp benchmarks/target/benchmarks.jar org.coex.benchmarks.TrainSpeedRun THREADS OUT.json}
 */
public final class TrainSpeedRun {
    private TrainSpeedRun() {}

    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        TorchRuntime.useThreads(threads);
        TorchRuntime.configure();
        SearchSpace space = SearchSpace.fashionMnistDefault();
        Architecture arch = ArchitectureJson.read(Path.of("benchmarks/nas-default-derived-1126.json"), space);
        Dataset data = DataSets.load(DataSpec.defaults());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("threads", threads);
        r.put("space", describe(space));
        r.put("derived", arch.choices());

        ImageSet train = data.train().first(10_000);
        Normalization norm = train.normalization();
        RetrainConfig retrain = new RetrainConfig(2, 128, 0.1, 0.9, 5e-4, 0.1, 1, 0, true, 1);
        try (Retrainer t = new Retrainer(space, arch, retrain)) {
            Batches batches = new Batches(train, 128, norm, 0, true);
            List<Double> epochs = new ArrayList<>();
            List<Double> losses = new ArrayList<>();
            for (int e = 0; e < 2; e++) {
                Retrainer.Epoch ep = t.runEpoch(batches, ProgressListener.NONE);
                epochs.add(ep.seconds());
                losses.add(ep.loss());
            }
            r.put("derived_epoch_seconds", epochs);
            r.put("derived_losses", losses);
            long start = System.nanoTime();
            t.accuracy(new Batches(data.test(), 128, norm, 0, false));
            r.put("test_pass_seconds", (System.nanoTime() - start) / 1e9);
        }

        ImageSet[] split = DataSets.split(data.train(), 1_500, 1);
        ImageSet weights = split[0].first(3_000);
        Normalization sn = weights.normalization();
        SearchConfig search = new SearchConfig(2, 1, 128, 0.05, 0.9, 4e-5, 0.006, PathSampler.Strategy.GUMBEL, 5.0, 0.956, 2, true, 1, 0);
        try (SearchTrainer t = new SearchTrainer(space, search)) {
            Batches w = new Batches(weights, 128, sn, 2, true);
            Batches v = new Batches(split[1], 128, sn, 0, false);
            r.put("supernet_warmup_epoch_seconds", t.runEpoch(w, v).seconds());
            r.put("supernet_search_epoch_seconds", t.runEpoch(w, v).seconds());
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), r);
        System.out.println(new ObjectMapper().writeValueAsString(r));
    }

    /** The space as the PyTorch side builds it: stem, every searchable layer with its candidates, head, classes. */
    static Map<String, Object> describe(SearchSpace space) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", List.of(space.inputChannels(), space.inputSize()));
        m.put("stem", List.of(space.stemChannels(), space.stemKernel(), space.stemStride()));
        List<Map<String, Object>> layers = new ArrayList<>();
        for (SearchableLayer l : space.layers()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("in", l.inChannels());
            d.put("out", l.outChannels());
            d.put("stride", l.stride());
            d.put("candidates", l.candidates().stream().map(op -> op.isSkip() ? List.of() : List.of(op.kernel(), op.expansion())).toList());
            layers.add(d);
        }
        m.put("layers", layers);
        m.put("head", space.headChannels());
        m.put("classes", space.classes());
        return m;
    }
}
