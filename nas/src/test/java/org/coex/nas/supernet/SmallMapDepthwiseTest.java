package org.coex.nas.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("djl")
class SmallMapDepthwiseTest {
    private static final int CHANNELS = 3;

    @Test
    void cutsOnlyStrideOneKernelsWiderThanTheMapCanUse() {
        assertTrue(SmallMapDepthwise.applies(7, 1, new Shape(8, 4, 2, 2)));
        assertTrue(SmallMapDepthwise.applies(5, 1, new Shape(8, 4, 2, 5)));
        assertFalse(SmallMapDepthwise.applies(7, 1, new Shape(8, 4, 4, 4)));   // every tap meets data at offset 3
        assertFalse(SmallMapDepthwise.applies(3, 1, new Shape(8, 4, 2, 2)));
        assertFalse(SmallMapDepthwise.applies(7, 2, new Shape(8, 4, 2, 2)));
    }

    /** Output, input gradient and kernel gradient equal those of the full convolution, on every small map shape. */
    @Test
    void computesWhatTheFullKernelComputes() {
        TorchRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            for (int kernel : new int[] {3, 5, 7}) {
                for (int rows = 1; rows <= 4; rows++) {
                    for (int cols = 1; cols <= 4; cols++) {
                        Shape shape = new Shape(2, CHANNELS, rows, cols);
                        if (!SmallMapDepthwise.applies(kernel, 1, shape)) continue;
                        NDArray x = m.randomNormal(shape);
                        NDArray w = m.randomNormal(new Shape(CHANNELS, 1, kernel, kernel));
                        float[][] full = outputAndGradients(x, w, true);
                        float[][] cut = outputAndGradients(x, w, false);
                        for (int i = 0; i < full.length; i++) {
                            assertArrayEquals(full[i], cut[i], 1e-5f, "k" + kernel + " on " + rows + "x" + cols + ", array " + i);
                        }
                    }
                }
            }
        }
    }

    private static float[][] outputAndGradients(NDArray input, NDArray weight, boolean fullKernel) {
        NDArray x = input.duplicate();
        NDArray w = weight.duplicate();
        x.setRequiresGradient(true);
        w.setRequiresGradient(true);
        int pad = (int) w.getShape().get(2) / 2;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = fullKernel
                    ? Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1), CHANNELS).singletonOrThrow()
                    : SmallMapDepthwise.forward(x, w);
            gc.backward(y.mul(y).sum());
            return new float[][] {y.toFloatArray(), x.getGradient().toFloatArray(), w.getGradient().toFloatArray()};
        }
    }
}
