package org.coex.nas.retrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.coex.accel.explore.ProgressListener;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.supernet.DjlSeeds;
import org.coex.nas.supernet.TorchRuntime;
import org.coex.nas.train.Batches;
import org.coex.nas.train.TrainingTally;
import org.coex.nas.train.Updater;

/**
 * Trains a derived architecture from scratch on the training images and measures its accuracy on
 * held-out images (the test set). Call order: construct -> {@link #runEpoch}* (with {@link #setEpochs} during
 * warm-up, if at all) -> {@link #accuracy} -> close.
 */
public final class Retrainer implements AutoCloseable {
    /**
     * One epoch: training loss and accuracy, its wall time, and its steady pace: the time of its second
     * half of batches scaled to the whole epoch (a run's first batches pay one-time costs, so the first
     * epoch's wall time overstates the epochs after it).
     */
    public record Epoch(int epoch, double loss, double trainAccuracy, double seconds, double steadySeconds) {}

    private RetrainConfig config;
    private final NDManager manager;
    private final DerivedNet net;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> normsAndBiases = new ArrayList<>();
    private final Updater weightUpdater;
    private final Updater normUpdater;
    private final Loss loss;
    private int epoch;

    public Retrainer(SearchSpace space, Architecture architecture, RetrainConfig config) {
        this.config = config;
        TorchRuntime.configure();
        this.manager = NDManager.newBaseManager();
        DjlSeeds.apply(config.seed());
        this.net = new DerivedNet(space, architecture);
        net.initialize(manager, DataType.FLOAT32, new Shape(config.batchSize(), space.inputChannels(), space.inputSize(), space.inputSize()));
        for (Parameter p : Updater.trainable(net.getParameters())) (p.getArray().getShape().dimension() > 1 ? weights : normsAndBiases).add(p);
        this.weightUpdater = new Updater.SgdMomentum(manager, config.momentum(), config.weightDecay());
        this.normUpdater = new Updater.SgdMomentum(manager, config.momentum(), 0);
        this.loss = new SmoothedCrossEntropy(config.labelSmoothing());
    }

    public int epoch() { return epoch; }

    /** Continues with another epoch count from the next step on (a time budget's choice, made during warm-up). */
    public void setEpochs(int epochs) { config = config.withEpochs(epochs); }

    public Epoch runEpoch(Batches train, ProgressListener progress) {
        long start = System.nanoTime();
        progress.stage("retrain epoch " + (epoch + 1) + "/" + config.epochs());
        SplittableRandom rng = new SplittableRandom(config.epochSeed(epoch));
        List<int[]> order = train.epoch(rng);
        ParameterStore ps = new ParameterStore(manager, false);
        TrainingTally tally = new TrainingTally("--lr", config.lr());
        int half = order.size() / 2;
        long halfway = start;
        for (int k = 0; k < order.size(); k++) {
            if (k == half) halfway = System.nanoTime();
            try (NDManager step = manager.newSubManager()) {
                tally.forwardBackward(net, ps, train.batch(step, order.get(k), rng), loss, epoch, k);
                double lr = config.lrAt(epoch, k, order.size());
                weightUpdater.step(weights, lr);
                normUpdater.step(normsAndBiases, lr);
            }
            progress.progress(k + 1, order.size());
        }
        long end = System.nanoTime();
        double steady = order.size() - half > 0 ? (end - halfway) / 1e9 * order.size() / (order.size() - half) : (end - start) / 1e9;
        return new Epoch(epoch++, tally.meanLoss(), tally.accuracy(), (end - start) / 1e9, steady);
    }

    /** Accuracy in inference mode (BatchNorm running statistics). */
    public double accuracy(Batches data) {
        long correct = 0;
        ParameterStore ps = new ParameterStore(manager, false);
        for (int[] idx : data.inOrder()) {
            try (NDManager step = manager.newSubManager()) {
                NDList batch = data.batch(step, idx, null);
                NDArray logits = net.forward(ps, new NDList(batch.get(0)), false).singletonOrThrow();
                correct += TrainingTally.correct(logits, batch.get(1));
            }
        }
        return (double) correct / Math.max(1, data.size());
    }

    @Override public void close() { manager.close(); }
}
