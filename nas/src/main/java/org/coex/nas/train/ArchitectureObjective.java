package org.coex.nas.train;

import ai.djl.ndarray.NDArray;
import java.util.function.Function;

/**
 * What a co-exploration adds to the supernet's architecture steps (nas knows neither evaluators nor
 * hard constraints). On every architecture step the trainer backpropagates
 * {@code cross-entropy + cost(p)}, with p the op probabilities softmax(alpha) of every layer in the
 * {@link org.coex.nas.space.ArchEncoding} layout, then hands the resulting gradient with respect to p's
 * logits (alpha, same layout) to {@link #adjust} before the optimizer step.
 */
public interface ArchitectureObjective {
    /** A differentiable scalar of p [K] added to the loss (in p's manager); may be a constant zero. */
    NDArray cost(NDArray probabilities);

    /**
     * The gradient the optimizer will use (same layout), given the one of cross-entropy + cost, the
     * op probabilities p it was taken at, and a way to differentiate any other scalar function of p
     * with respect to alpha.
     */
    double[] adjust(double[] gradient, double[] probabilities, Differentiator differentiator);

    /** Gradients with respect to alpha (encoding layout) of scalar functions of p. */
    interface Differentiator {
        /** d f(p) / d alpha, and f(p) itself. */
        Derivative of(Function<NDArray, NDArray> f);
    }

    record Derivative(double value, double[] gradient) {}
}
