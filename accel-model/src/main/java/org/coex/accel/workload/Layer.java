package org.coex.accel.workload;

import org.coex.accel.Checks;

/**
 * One layer of a network as a grouped 2-D convolution: a batch of {@code inC x inH x inW} inputs,
 * {@code outC} filters of {@code (inC / groups) x kernelH x kernelW}, strides and zero padding.
 * Depthwise ({@code groups == inC == outC}), pointwise (1x1), fully-connected and GEMM layers are
 * cases of it: a GEMM {@code C[m][n] += A[m][k] B[k][n]} is a 1x1 convolution over an
 * {@code m x 1} input with {@code k} channels and {@code n} filters.
 *
 * <p>MACs = batch * outH * outW * outC * kernelH * kernelW * (inC / groups).
 *
 * @param rounding how the output extent is rounded ({@link OutputRounding#FLOOR} unless the layer
 *                 came from a SCALE-Sim topology)
 */
public record Layer(String name, int batch, int inH, int inW, int inC, int outC,
                    int kernelH, int kernelW, int strideH, int strideW, int padH, int padW,
                    int groups, OutputRounding rounding) {

    public Layer {
        Checks.notBlank("name", name);
        Checks.positive(name + ": batch", batch);
        Checks.positive(name + ": input height", inH);
        Checks.positive(name + ": input width", inW);
        Checks.positive(name + ": input channels", inC);
        Checks.positive(name + ": output channels", outC);
        Checks.positive(name + ": kernel height", kernelH);
        Checks.positive(name + ": kernel width", kernelW);
        Checks.positive(name + ": stride height", strideH);
        Checks.positive(name + ": stride width", strideW);
        Checks.nonNegative(name + ": padding height", padH);
        Checks.nonNegative(name + ": padding width", padW);
        Checks.positive(name + ": groups", groups);
        Checks.notNull(name + ": rounding", rounding);
        if (inC % groups != 0 || outC % groups != 0) {
            throw new IllegalArgumentException(name + ": groups (" + groups + ") must divide input channels ("
                    + inC + ") and output channels (" + outC + ")");
        }
        if (kernelH > inH + 2 * padH || kernelW > inW + 2 * padW) {
            throw new IllegalArgumentException(name + ": filter " + kernelH + "x" + kernelW
                    + " is larger than its padded input " + (inH + 2 * padH) + "x" + (inW + 2 * padW));
        }
        checkCountable(name, batch, inH, inW, inC, outC, kernelH, kernelW, strideH, strideW, padH, padW, groups, rounding);
    }

    /** The most MACs (2^50, about 1.1e15) a layer may have: every count and cost stays exact in longs and doubles. */
    public static final long MAX_MACS = 1L << 50;

    /** Refuses a layer whose MACs or input values exceed {@link #MAX_MACS}: their products would overflow further on. */
    private static void checkCountable(String name, int batch, int inH, int inW, int inC, int outC, int kernelH, int kernelW,
                                       int strideH, int strideW, int padH, int padW, int groups, OutputRounding rounding) {
        // in doubles: exact enough to compare with 2^50, and no product of these ints overflows them
        double macs = (double) batch * rounding.outputExtent(inH + 2 * padH, kernelH, strideH) * rounding.outputExtent(inW + 2 * padW, kernelW, strideW)
                * outC * kernelH * kernelW * (inC / groups);
        double largest = Math.max(macs, (double) batch * inH * inW * inC);
        if (largest > MAX_MACS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s: %.3g MACs (or input values) is more than coex counts exactly (at most %.3g per layer); check its dimensions",
                    name, largest, (double) MAX_MACS));
        }
    }

    /** A dense convolution with square kernel, equal strides and equal padding. */
    public static Layer conv(String name, int inH, int inW, int inC, int outC, int kernel, int stride, int pad) {
        return new Layer(name, 1, inH, inW, inC, outC, kernel, kernel, stride, stride, pad, pad, 1, OutputRounding.FLOOR);
    }

    /** A depthwise convolution: one {@code kernel x kernel} filter per channel. */
    public static Layer depthwise(String name, int inH, int inW, int channels, int kernel, int stride, int pad) {
        return new Layer(name, 1, inH, inW, channels, channels, kernel, kernel, stride, stride, pad, pad, channels,
                OutputRounding.FLOOR);
    }

    /** A pointwise (1x1, stride 1) convolution. */
    public static Layer pointwise(String name, int inH, int inW, int inC, int outC) {
        return conv(name, inH, inW, inC, outC, 1, 1, 0);
    }

    /** A fully-connected layer {@code in -> out}: a 1x1 convolution on a 1x1 input. */
    public static Layer fullyConnected(String name, int in, int out) {
        return conv(name, 1, 1, in, out, 1, 1, 0);
    }

    /** A matrix product {@code C[m][n] += A[m][k] B[k][n]}: m output rows, n output columns, k reduction. */
    public static Layer gemm(String name, int m, int n, int k) {
        return conv(name, m, 1, k, n, 1, 1, 0);
    }

    /** Output height. */
    public int outH() { return rounding.outputExtent(inH + 2 * padH, kernelH, strideH); }

    /** Output width. */
    public int outW() { return rounding.outputExtent(inW + 2 * padW, kernelW, strideW); }

    /** Input channels seen by one filter. */
    public int channelsPerGroup() { return inC / groups; }

    /** Filters in one group. */
    public int filtersPerGroup() { return outC / groups; }

    /** Output pixels of one group over the batch: batch * outH * outW. */
    public long outputPixels() { return (long) batch * outH() * outW(); }

    /** Reduction length of one output: kernelH * kernelW * inC / groups. */
    public long windowSize() { return (long) kernelH * kernelW * channelsPerGroup(); }

    /** Multiply-accumulates: outputPixels * outC * windowSize. */
    public long macs() { return outputPixels() * outC * windowSize(); }

    /** Weights: outC * windowSize. */
    public long weightCount() { return outC * windowSize(); }

    /** Output activations: outputPixels * outC. */
    public long outputCount() { return outputPixels() * outC; }

    /** Input activations stored in memory (padding is not stored): batch * inH * inW * inC. */
    public long inputCount() { return (long) batch * inH * inW * inC; }

    /** True for depthwise layers: one channel per group, groups &gt; 1. */
    public boolean isDepthwise() { return groups > 1 && groups == inC; }

    /** This layer with another batch size. */
    public Layer withBatch(int newBatch) {
        return new Layer(name, newBatch, inH, inW, inC, outC, kernelH, kernelW, strideH, strideW, padH, padW, groups, rounding);
    }

    /** This layer with another name. */
    public Layer withName(String newName) {
        return new Layer(newName, batch, inH, inW, inC, outC, kernelH, kernelW, strideH, strideW, padH, padW, groups, rounding);
    }
}
