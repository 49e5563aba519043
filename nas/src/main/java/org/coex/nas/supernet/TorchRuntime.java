package org.coex.nas.supernet;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Pins PyTorch to one intra-op thread before any training starts. With two intra-op threads,
 * PyTorch 2.7.1 under DJL 0.36 corrupted about one supernet training run in 40 here (a
 * gradient turned NaN or infinite and froze Adam); with one thread, 80 repeated runs were
 * bitwise identical. Narrowed so far (tiny space, two threads): Gumbel-softmax with alpha steps
 * 2 in 60 and 2 in 120 runs; Gumbel weights-only 0 in 80; binary gates with alpha steps 0 in 80;
 * retraining a derived network 0 in 120. Set {@code -Dai.djl.pytorch.num_threads=N} to choose otherwise.
 */
public final class TorchRuntime {
    private static final String THREADS = "ai.djl.pytorch.num_threads";

    private TorchRuntime() {}

    /** Idempotent; call before the first NDManager of a run. */
    public static synchronized void configure() {
        if (System.getProperty(THREADS) == null) System.setProperty(THREADS, "1");
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        Engine.getEngine("PyTorch"); // loads the native library, reading the property on first load
        JniUtils.setNumThreads(Integer.getInteger(THREADS, 1)); // and applies it if the engine was already loaded
    }
}
