package org.coex.nas.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

/**
 * The weight steps of one training epoch, counted: each {@link #forwardBackward} runs a labelled batch
 * forward and backward and adds its loss and its correct predictions, so that {@link #meanLoss} and
 * {@link #accuracy} are means over images (sum of batch loss x batch size / images seen).
 */
public final class TrainingTally {
    private final String lrSetting;
    private final double lr;
    private double lossSum;
    private long correct;
    private long seen;

    /** @param lrSetting the option or key a diverging run should lower, with its value {@code lr}, for {@link TrainingDiverged} */
    public TrainingTally(String lrSetting, double lr) {
        this.lrSetting = lrSetting;
        this.lr = lr;
    }

    /**
     * Forward pass of {@code batch} (images, labels) in training mode, {@code loss}, and its backward
     * pass, leaving the gradients in the parameters for the caller's update.
     *
     * @throws TrainingDiverged when the batch's loss is not finite
     */
    public void forwardBackward(Block net, ParameterStore ps, NDList batch, Loss loss, int epoch, int step) {
        NDArray labels = batch.get(1);
        NDArray logits;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            logits = net.forward(ps, new NDList(batch.get(0)), true).singletonOrThrow();
            NDArray l = loss.evaluate(new NDList(labels), new NDList(logits));
            gc.backward(l);
            lossSum += TrainingDiverged.check(l.getFloat(), epoch, step, lrSetting, lr) * labels.size();
        }
        correct += correct(logits, labels);
        seen += labels.size();
    }

    public double meanLoss() { return lossSum / Math.max(1, seen); }

    public double accuracy() { return (double) correct / Math.max(1, seen); }

    /** How many rows of {@code logits} (batch x classes) have their largest entry at the row's label. */
    public static long correct(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(DataType.FLOAT32, false).eq(labels).sum().getLong();
    }
}
