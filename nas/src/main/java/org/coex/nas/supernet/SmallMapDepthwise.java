package org.coex.nas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A stride-1 depthwise convolution with "same" padding on a map narrower than its kernel. On an
 * H x W map a tap more than H - 1 rows (W - 1 columns) from the kernel's centre only ever meets
 * padding, so the k x k kernel is cut to its centre min(k, 2H - 1) x min(k, 2W - 1) with padding
 * min(k/2, H - 1) x min(k/2, W - 1): the same output and the same gradients (the cut taps get 0 either
 * way) for fewer multiply-adds. A 7 x 7 kernel on the 2 x 2 maps of the default space's last stages
 * becomes 3 x 3, where PyTorch's CPU convolution is also far faster.
 */
final class SmallMapDepthwise {
    private SmallMapDepthwise() {}

    /** Whether {@link #forward} saves taps for this kernel on an NCHW input of this shape. */
    static boolean applies(int kernel, int stride, Shape input) {
        return stride == 1 && kernel / 2 > Math.min(input.get(2), input.get(3)) - 1;
    }

    /** @param weight the full depthwise kernel [channels, 1, k, k]; the input has those channels */
    static NDArray forward(NDArray x, NDArray weight) {
        int half = (int) weight.getShape().get(2) / 2;
        int reachRows = (int) Math.min(half, x.getShape().get(2) - 1);
        int reachCols = (int) Math.min(half, x.getShape().get(3) - 1);
        NDArray core = weight.get(new NDIndex(":, :, {}:{}, {}:{}", half - reachRows, half + reachRows + 1,
                half - reachCols, half + reachCols + 1));
        core.attach(x.getManager());   // the slice would otherwise belong to the parameter's manager and outlive the step
        return Conv2d.conv2d(x, core, null, new Shape(1, 1), new Shape(reachRows, reachCols), new Shape(1, 1),
                (int) weight.getShape().get(0)).singletonOrThrow();
    }
}
