package org.coex.nas.retrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import org.coex.nas.supernet.TorchScalars;

/**
 * Softmax cross-entropy against labels smoothed by epsilon (Szegedy et al. 2016): the target puts
 * 1 - epsilon on the true class and epsilon spread evenly over all C classes, so per example
 * loss = (1 - epsilon) (-log p_y) + epsilon mean_c(-log p_c), averaged over the batch. With epsilon 0
 * it is DJL's sparse softmax cross-entropy.
 */
public final class SmoothedCrossEntropy extends Loss {
    private final float epsilon;

    public SmoothedCrossEntropy(double epsilon) {
        super("SmoothedCrossEntropy");
        if (!(epsilon >= 0 && epsilon < 1)) throw new IllegalArgumentException("need 0 <= epsilon < 1, found " + epsilon);
        this.epsilon = (float) epsilon;
    }

    /** Labels are class indices (any numeric type), predictions are logits of shape (batch, classes). */
    @Override public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray logp = logits.logSoftmax(1);
        int classes = (int) logits.getShape().get(1);
        NDArray oneHot = labels.singletonOrThrow().toType(DataType.INT32, false).oneHot(classes).toType(DataType.FLOAT32, false);
        NDArray target = TorchScalars.times(oneHot, 1 - epsilon).add(epsilon / classes);
        return target.mul(logp).sum(new int[] {1}).neg().mean();
    }
}
