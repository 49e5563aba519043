package org.coex.nas.supernet;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Sets PyTorch's intra-op threads before training starts: one for supernet searches, as many as
 * asked for retraining. With two intra-op threads, PyTorch 2.7.1 under DJL 0.36 corrupted about one
 * supernet training run in 40 here (a gradient turned NaN or infinite and froze Adam); with one
 * thread, 80 repeated runs were bitwise identical. Narrowed so far (tiny space, two threads):
 * Gumbel-softmax with alpha steps 2 in 60 and 2 in 120 runs; Gumbel weights-only 0 in 80; binary
 * gates with alpha steps 0 in 80; retraining a derived network 0 in 120, which is why retraining
 * may use more threads (a non-finite loss still stops it, {@link org.coex.nas.train.TrainingDiverged}).
 * One thread does not make Gumbel searches with architecture steps safe: a one-thread run of the
 * default space (3,000 images) got a NaN loss at its second architecture step, and the identical
 * rerun did not (same first epoch to the last digit), so something still races there.
 * {@code -Dai.djl.pytorch.num_threads=N} overrides both.
 */
public final class TorchRuntime {
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static int requested = 1;

    private TorchRuntime() {}

    /** Threads for what runs next (retraining); searches keep the default of 1. */
    public static synchronized void useThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        requested = threads;
    }

    /** Threads in effect after {@link #configure}. */
    public static synchronized int threads() { return Integer.getInteger(THREADS, requested); }

    /** Idempotent; call before the first NDManager of a run. */
    public static synchronized void configure() {
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        boolean pinned = System.getProperty(THREADS) != null;
        if (!pinned) System.setProperty(THREADS, "1");
        Engine.getEngine("PyTorch"); // loads the native library, reading the property on first load
        if (!pinned) System.clearProperty(THREADS);
        JniUtils.setNumThreads(threads()); // and applies the choice whether or not the engine was already loaded
    }
}
