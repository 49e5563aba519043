package org.coex.nas.supernet;

import ai.djl.ndarray.NDArray;

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
    public static NDArray times(NDArray x, double v) {
        try (NDArray s = owned(x, v)) {
            return x.mul(s);
        }
    }

    /** x / v. */
    public static NDArray dividedBy(NDArray x, double v) {
        try (NDArray s = owned(x, v)) {
            return x.div(s);
        }
    }

    /** x ^ v, element-wise. */
    public static NDArray power(NDArray x, double v) {
        try (NDArray s = owned(x, v)) {
            return x.pow(s);
        }
    }

    /** max(x, v), element-wise. */
    public static NDArray atLeast(NDArray x, double v) {
        try (NDArray s = owned(x, v)) {
            return x.maximum(s);
        }
    }

    /** v as a float32 scalar whose storage PyTorch allocated (a clone), in x's manager. */
    private static NDArray owned(NDArray x, double v) {
        try (NDArray javaBacked = x.getManager().create((float) v)) {
            return javaBacked.duplicate();
        }
    }
}
