package org.coex.nas.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.interop.OutputDirectory;
import org.coex.nas.hw.CostTable;
import org.coex.nas.hw.TermWeights;
import org.coex.nas.retrain.SmoothedCrossEntropy;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.supernet.DjlSeeds;
import org.coex.nas.supernet.ArchitectureChoice;
import org.coex.nas.supernet.PathSampler;
import org.coex.nas.supernet.Supernet;
import org.coex.nas.supernet.TorchRuntime;
import org.coex.nas.supernet.TorchScalars;

/**
 * Trains a supernet: each epoch alternates a weight step on a training batch (SGD with momentum,
 * cosine schedule) with, after the warm-up epochs, an alpha step on a validation batch (Adam). Every
 * random choice of epoch e comes from generators seeded by {@link SearchConfig#epochSeed(int)}, so a
 * run resumed from the checkpoint of epoch e repeats the uninterrupted run exactly.
 *
 * <p>Call order: construct (or {@link #resume}) -> {@link #runEpoch}* -> {@link #checkpoint} between epochs -> close.
 */
public final class SearchTrainer implements AutoCloseable {
    private final SearchSpace space;
    private final SearchConfig config;
    private final NDManager manager;
    private final Supernet net;
    private final PathSampler sampler;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> alphas = new ArrayList<>();
    private final Updater weightUpdater;
    private final Updater alphaUpdater;
    /** Plain cross-entropy; not DJL's softmaxCrossEntropyLoss, which multiplies by its weight through a Java-backed scalar ({@link TorchScalars}). */
    private final Loss loss = new SmoothedCrossEntropy(0);
    private int epoch;
    private CostTable costTable;
    private TermWeights termWeights;
    private NDArray costEntries;
    private ArchitectureObjective objective;

    public SearchTrainer(SearchSpace space, SearchConfig config) {
        this.space = space;
        this.config = config;
        TorchRuntime.configure();
        this.manager = NDManager.newBaseManager();
        DjlSeeds.apply(config.seed());
        this.sampler = new PathSampler(config.strategy(), config.tau0(), config.seed());
        this.net = new Supernet(space, sampler);
        net.initialize(manager, DataType.FLOAT32, new Shape(config.batchSize(), space.inputChannels(), space.inputSize(), space.inputSize()));
        List<Parameter> alphaParams = net.choices().stream().map(ArchitectureChoice::alpha).toList();
        for (Parameter p : Updater.trainable(net.getParameters())) (alphaParams.contains(p) ? alphas : weights).add(p);
        this.weightUpdater = new Updater.SgdMomentum(manager, config.momentum(), config.weightDecay());
        this.alphaUpdater = new Updater.Adam(manager, 0.5, 0.999, 1e-8);
    }

    public Supernet supernet() { return net; }

    /** Makes the alpha steps hardware-aware: CE + lambda * expected cost / cost at uniform alpha. */
    public void useCostTable(CostTable table) {
        this.costTable = table;
        this.termWeights = new TermWeights(table.terms(), manager);
        double[] entries = table.entries();
        double uniform = table.uniform(space);
        float[] f = new float[entries.length];
        for (int t = 0; t < f.length; t++) f[t] = (float) (entries[t] / uniform);
        this.costEntries = manager.create(f, new Shape(1, f.length));
    }

    /** Adds a co-exploration's cost term and gradient adjustment to every architecture step. */
    public void useObjective(ArchitectureObjective objective) { this.objective = objective; }

    /** Expected cost under the current alpha, in the table's unit (NaN without a table). */
    public double expectedCost() {
        return costTable == null ? Double.NaN : costTable.expected(net.probabilities());
    }

    /** The next epoch to run (0-based). */
    public int epoch() { return epoch; }

    public EpochStats runEpoch(Batches train, Batches validation) { return runEpoch(train, validation, ProgressListener.NONE); }

    /** One epoch; {@code progress} is told after every weight step. */
    public EpochStats runEpoch(Batches train, Batches validation, ProgressListener progress) {
        long start = System.nanoTime();
        int e = epoch;
        progress.stage("epoch " + (e + 1) + "/" + config.epochs());
        SplittableRandom rng = new SplittableRandom(config.epochSeed(e));
        sampler.reseed(rng.nextLong());
        sampler.setTemperature(config.temperatureAt(e));
        double lr = config.weightLrAt(e);
        List<int[]> trainOrder = train.epoch(rng);
        List<int[]> valOrder = validation.epoch(rng);
        ParameterStore ps = new ParameterStore(manager, false);
        TrainingTally tally = new TrainingTally("weight_lr", config.weightLr());
        for (int k = 0; k < trainOrder.size(); k++) {
            sampler.setStrategy(weightStepStrategy());
            try (NDManager step = manager.newSubManager()) {
                tally.forwardBackward(net, ps, train.batch(step, trainOrder.get(k), rng), loss, e, k);
                weightUpdater.step(weights, lr);
                zero(alphas);
            }
            progress.progress(k + 1, trainOrder.size());
            if (e >= config.warmupEpochs()) {
                sampler.setStrategy(config.strategy());
                try (NDManager step = manager.newSubManager()) {
                    NDList batch = validation.batch(step, valOrder.get(k % valOrder.size()), null);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = net.forward(ps, new NDList(batch.get(0)), true).singletonOrThrow();
                        NDArray objective = loss.evaluate(new NDList(batch.get(1)), new NDList(logits));
                        if (costTable != null && config.costLambda() > 0) {
                            objective = objective.add(TorchScalars.times(expectedCostTerm(step), config.costLambda()));
                        }
                        if (this.objective != null) objective = objective.add(this.objective.cost(probabilities(step)));
                        gc.backward(objective);
                    }
                    if (this.objective != null) adjustAlphaGradient(step);
                    alphaUpdater.step(alphas, config.alphaLr());
                    zero(weights);
                }
            }
        }
        double valAccuracy = accuracy(validation);
        epoch++;
        return new EpochStats(e, tally.meanLoss(), tally.accuracy(), valAccuracy, meanEntropy(),
                net.derive(), (System.nanoTime() - start) / 1e9);
    }

    /** softmax(alpha) of every block, concatenated in the encoding layout, inside the current graph. */
    private NDArray probabilities(NDManager scope) {
        NDList parts = new NDList();
        for (ArchitectureChoice c : net.choices()) parts.add(scope.zeros(c.alpha().getArray().getShape()).add(c.alpha().getArray()).softmax(0));
        return NDArrays.concat(parts);
    }

    /** The alpha gradient in the encoding layout. */
    private double[] alphaGradient() {
        double[] g = new double[space.encoding().length()];
        List<ArchitectureChoice> blocks = net.choices();
        for (int b = 0; b < blocks.size(); b++) {
            try (NDArray grad = blocks.get(b).alpha().getArray().getGradient()) {
                float[] f = grad.toFloatArray();
                for (int j = 0; j < f.length; j++) g[space.encoding().blockOffset(b) + j] = f[j];
            }
        }
        return g;
    }

    /**
     * Overwrites the alpha gradients in place. Not with {@code NDArray.set(float[])}: DJL's PyTorch
     * engine then points the tensor at a direct buffer that only the Java wrapper keeps alive, so the
     * parameter's gradient would outlive its memory once the wrapper is gone (heap corruption seen
     * here as "corrupted double-linked list"). An indexed copy writes into PyTorch's own storage.
     */
    private void setAlphaGradient(double[] g) {
        List<ArchitectureChoice> blocks = net.choices();
        for (int b = 0; b < blocks.size(); b++) {
            try (NDArray grad = blocks.get(b).alpha().getArray().getGradient(); NDManager scope = manager.newSubManager()) {
                float[] f = new float[(int) grad.size()];
                for (int j = 0; j < f.length; j++) f[j] = (float) g[space.encoding().blockOffset(b) + j];
                grad.set(new NDIndex("..."), scope.create(f, grad.getShape()));
            }
        }
    }

    /** Lets the objective replace the architecture gradient (HDX), differentiating what it needs on the side. */
    private void adjustAlphaGradient(NDManager scope) {
        double[] g = alphaGradient();
        zero(alphas);
        ArchitectureObjective.Differentiator d = f -> {
            double value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(probabilities(scope));
                value = y.getFloat();
                gc.backward(y);
            }
            double[] h = alphaGradient();
            zero(alphas);
            return new ArchitectureObjective.Derivative(value, h);
        };
        setAlphaGradient(objective.adjust(g, net.probabilities(), d));
    }

    /** Gumbel trains weights on the whole mixture (FBNet); binary gates on one sampled path (ProxylessNAS). */
    private PathSampler.Strategy weightStepStrategy() {
        return config.strategy() == PathSampler.Strategy.BINARY_GATES ? PathSampler.Strategy.SAMPLED : config.strategy();
    }

    /** Sum over terms of w_t(softmax(alpha)) x entry_t / uniform cost (the fixed part left out): differentiable in alpha; temporaries in {@code scope}. */
    private NDArray expectedCostTerm(NDManager scope) {
        return termWeights.apply(probabilities(scope).reshape(1, -1)).mul(costEntries).sum();
    }

    private static void zero(List<Parameter> params) {
        for (Parameter p : params) {
            try (NDArray g = p.getArray().getGradient()) {
                Updater.clear(g);
            }
        }
    }

    /**
     * Accuracy of the supernet as it was trained: a Gumbel supernet with its expected mixture
     * softmax(alpha / tau), a binary-gate supernet with its argmax path; BatchNorm on batch
     * statistics (its running statistics average over other paths). No gradients are recorded.
     */
    public double accuracy(Batches data) {
        PathSampler.Strategy was = sampler.strategy();
        sampler.setStrategy(config.strategy() == PathSampler.Strategy.GUMBEL ? PathSampler.Strategy.EXPECTED : PathSampler.Strategy.ARGMAX);
        long correct = 0;
        ParameterStore ps = new ParameterStore(manager, false);
        for (int[] idx : data.inOrder()) {
            try (NDManager step = manager.newSubManager()) {
                NDList batch = data.batch(step, idx, null);
                NDArray logits = net.forward(ps, new NDList(batch.get(0)), true).singletonOrThrow();
                correct += TrainingTally.correct(logits, batch.get(1));
            }
        }
        sampler.setStrategy(was);
        return (double) correct / Math.max(1, data.size());
    }

    /**
     * The accuracy of one network of the space on {@code data} with the weights it inherits from the
     * supernet (not retrained): each layer runs its chosen op alone.
     */
    public double accuracyOf(Architecture arch, Batches data) {
        try (Supernet.Fixed fixed = net.fixTo(arch)) {
            return accuracy(data);
        }
    }

    /** Mean over blocks (layers' ops, stages' widths) of the entropy of softmax(alpha), in nats: log(choices) at start, 0 when decided. */
    public double meanEntropy() {
        double sum = 0;
        for (ArchitectureChoice m : net.choices()) {
            float[] a = m.alpha().getArray().toFloatArray();
            double max = Double.NEGATIVE_INFINITY;
            for (float v : a) max = Math.max(max, v);
            double z = 0;
            for (float v : a) z += Math.exp(v - max);
            double h = 0;
            for (float v : a) {
                double p = Math.exp(v - max) / z;
                if (p > 0) h -= p * Math.log(p);
            }
            sum += h;
        }
        return sum / net.choices().size();
    }

    /**
     * Writes weights, alpha, BatchNorm statistics, both optimizers' state and the epoch as the folder
     * {@code dir}, replacing the previous checkpoint as a whole ({@link OutputDirectory#replaceFolder}).
     */
    public void checkpoint(Path dir) throws IOException { checkpoint(dir, Map.of()); }

    /** As {@link #checkpoint(Path)}, with the caller's own state files written in the same all-or-nothing step. */
    public void checkpoint(Path dir, Map<String, byte[]> extra) throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(params)) {
            net.saveParameters(out);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("supernet.params", params.toByteArray());
        files.put("weights.optimizer", weightUpdater.state(weights).encode());
        files.put("alpha.optimizer", alphaUpdater.state(alphas).encode());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("epoch", epoch);
        state.put("seed", config.seed());
        state.put("space", space.fingerprint());
        state.put("threads", TorchRuntime.threads());
        files.put("state.json", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(state));
        files.putAll(extra);
        OutputDirectory.replaceFolder(dir, files);
    }

    /** Whether {@code dir} holds a checkpoint, after putting back one whose replacement was cut short. */
    public static boolean hasCheckpoint(Path dir) {
        try {
            OutputDirectory.recover(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Files.isDirectory(dir);
    }

    /**
     * A trainer continuing from {@link #checkpoint}; the space and config must be those of the run.
     *
     * @throws org.coex.accel.spec.SpecException (one problem naming the folder) for a checkpoint of
     *         another search space or of another PyTorch thread count, or one that is incomplete or corrupt
     */
    public static SearchTrainer resume(SearchSpace space, SearchConfig config, Path dir) {
        SearchTrainer t = new SearchTrainer(space, config);
        try {
            OutputDirectory.recover(dir);
            com.fasterxml.jackson.databind.JsonNode state;
            try {
                state = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("state.json").toFile());
            } catch (IOException e) {
                throw refused(t, dir, "it is damaged (state.json cannot be read)");
            }
            if (state == null || !state.path("epoch").isInt()) throw refused(t, dir, "it is damaged (state.json has no epoch)");
            if (!space.fingerprint().equals(state.path("space").asText())) throw refused(t, dir, "it is a checkpoint of another search space");
            int threads = state.path("threads").asInt(1);
            if (threads != TorchRuntime.threads()) {
                throw refused(t, dir, "it was written on " + threads + " PyTorch thread(s) and this run has " + TorchRuntime.threads()
                        + ", which would take another path; resume with --threads " + threads);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("supernet.params"))))) {
                t.net.loadParameters(t.manager, in);
            }
            t.weightUpdater.restore(t.weights, NDList.decode(t.manager, Files.readAllBytes(dir.resolve("weights.optimizer"))));
            t.alphaUpdater.restore(t.alphas, NDList.decode(t.manager, Files.readAllBytes(dir.resolve("alpha.optimizer"))));
            t.epoch = state.get("epoch").asInt();
        } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
            if (e instanceof org.coex.accel.spec.SpecException se) throw se;
            throw refused(t, dir, "it is incomplete or corrupt (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        for (Parameter p : t.weights) p.getArray().setRequiresGradient(true);
        for (Parameter p : t.alphas) p.getArray().setRequiresGradient(true);
        return t;
    }

    private static org.coex.accel.spec.SpecException refused(SearchTrainer t, Path dir, String why) {
        t.close();
        return new org.coex.accel.spec.SpecException(new org.coex.accel.spec.Problem(dir.toString(), 0, "--resume",
                "cannot continue from this checkpoint: " + why + "; delete the folder to start over, or choose another output"));
    }

    @Override public void close() { manager.close(); }
}
