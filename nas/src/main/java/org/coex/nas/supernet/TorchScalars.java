package org.coex.nas.supernet;

import ai.djl.ndarray.NDArray;
import java.util.function.BinaryOperator;

/**
 * Arithmetic between an array and a Java number that is safe where a gradient flows. DJL's PyTorch
 * engine turns the number of {@code x.mul(2f)} (also div, pow, maximum) into a tensor over a Java
 * direct buffer and closes that tensor's wrapper at once. Autograd keeps the tensor for the backward
 * pass, which then reads whatever the freed buffer holds by then: once the JVM has collected it and
 * malloc handed the memory out again, a gradient of 1e30 or NaN ({@code TorchScalarsTest} shows it
 * for the plain overload). That was the rare NaN of Gumbel searches. Here the number becomes a tensor
 * in PyTorch's own memory, which autograd's reference keeps alive after the wrapper is closed.
 * Outside a {@link ai.djl.training.GradientCollector} the plain DJL overloads are fine.
 */
public final class TorchScalars {
    private TorchScalars() {}

    /** x * v. */
    public static NDArray times(NDArray x, double v) { return withScalar(x, v, NDArray::mul); }

    /** x / v. */
    public static NDArray dividedBy(NDArray x, double v) { return withScalar(x, v, NDArray::div); }

    /** x ^ v, element-wise. */
    public static NDArray power(NDArray x, double v) { return withScalar(x, v, NDArray::pow); }

    /** max(x, v), element-wise. */
    public static NDArray atLeast(NDArray x, double v) { return withScalar(x, v, NDArray::maximum); }

    /** op(x, v) with v made in PyTorch's memory; the scalar's wrapper is closed, autograd's reference keeps its storage. */
    private static NDArray withScalar(NDArray x, double v, BinaryOperator<NDArray> op) {
        try (NDArray s = owned(x, v)) {
            return op.apply(x, s);
        }
    }

    /** v as a float32 scalar whose storage PyTorch allocated (a clone), in x's manager. */
    private static NDArray owned(NDArray x, double v) {
        try (NDArray javaBacked = x.getManager().create((float) v)) {
            return javaBacked.duplicate();
        }
    }
}
