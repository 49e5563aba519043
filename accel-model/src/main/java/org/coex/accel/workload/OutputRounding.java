package org.coex.accel.workload;

/**
 * How a convolution's output extent is rounded when the window does not tile the input exactly.
 * <ul>
 *   <li>{@link #FLOOR}: the framework convention (PyTorch, TensorFlow "valid"):
 *       {@code out = floor((in + 2 pad - k) / s) + 1}.</li>
 *   <li>{@link #CEIL}: SCALE-Sim's rule, which lets the last window hang over the input:
 *       {@code out = ceil((in + 2 pad - k + s) / s)}.</li>
 * </ul>
 */
public enum OutputRounding {
    FLOOR, CEIL;

    /** The output extent for an input extent (padding included), kernel and stride. */
    public int outputExtent(int paddedIn, int kernel, int stride) {
        int span = paddedIn - kernel;
        return this == FLOOR ? Math.floorDiv(span, stride) + 1 : Math.floorDiv(span + stride + stride - 1, stride);
    }
}
