package org.coex.nas.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each op's gradient is taken after the JVM has collected garbage and handed out many small direct
 * buffers holding 1e-30: the memory a Java-backed scalar tensor lived in is then reused, as it is
 * during a long search. DJL's own {@code x.div(4f)} fails this every time here (gradient 1e30).
 */
class TorchScalarsTest {
    static float[] gradientUnderMemoryReuse(UnaryOperator<NDArray> f, float... at) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(at);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                List<ByteBuffer> reused = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    System.gc();
                    Thread.sleep(20);   // the Cleaner thread frees collected direct buffers
                    for (int k = 0; k < 64; k++) reused.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1e-30f));
                }
                gc.backward(y);
                Reference.reachabilityFence(reused);   // the filler buffers stay allocated through the backward pass
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test void dividingByANumberKeepsItsGradientAfterTheMemoryIsReused() throws InterruptedException {
        assertArrayEquals(new float[] {0.25f, 0.25f}, gradientUnderMemoryReuse(x -> TorchScalars.dividedBy(x, 4), 1, 2));
    }

    @Test void multiplyingByANumberKeepsItsGradientAfterTheMemoryIsReused() throws InterruptedException {
        assertArrayEquals(new float[] {-3, -3}, gradientUnderMemoryReuse(x -> TorchScalars.times(x, -3), 1, 2));
    }

    @Test void aPowerKeepsItsGradientAfterTheMemoryIsReused() throws InterruptedException {
        assertArrayEquals(new float[] {-1f, -0.25f}, gradientUnderMemoryReuse(x -> TorchScalars.power(x, -1), 1, 2), 1e-6f);
    }

    @Test void aFloorKeepsItsGradientAfterTheMemoryIsReused() throws InterruptedException {
        assertArrayEquals(new float[] {0, 1}, gradientUnderMemoryReuse(x -> TorchScalars.atLeast(x, 1.5), 1, 2));
    }
}
