package org.coex.nas.supernet;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Sets PyTorch's intra-op threads before training starts: one unless asked otherwise ({@code --threads};
 * {@code coex nas train} asks for one per core). One thread for searches was chosen when about one
 * tiny Gumbel search in 40 turned NaN with two; the cause was a freed scalar that autograd still read
 * ({@link TorchScalars}), not the threads; after the fix 105 of 105 tiny Gumbel searches on two
 * threads were identical, and searches stay on one until the example spec is timed with two. Two
 * threads give a search other results than one (sums in another order). A non-finite loss still
 * stops any run ({@link org.coex.nas.train.TrainingDiverged}).
 * {@code -Dai.djl.pytorch.num_threads=N} overrides both.
 */
public final class TorchRuntime {
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static int requested = 1;

    private TorchRuntime() {}

    /** Threads for what runs next; without a call, 1. */
    public static synchronized void useThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        requested = threads;
    }

    /** Threads in effect after {@link #configure}. */
    public static synchronized int threads() { return Integer.getInteger(THREADS, requested); }

    /**
     * Idempotent; call before the first NDManager of a run, on the thread that runs it. PyTorch keeps its
     * grad mode per thread, and DJL turns it off only on the thread that loaded the engine (gradient
     * collectors turn it on and off again); a run on another thread (a cluster task's) gets it off too.
     */
    public static synchronized void configure() {
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        boolean pinned = System.getProperty(THREADS) != null;
        if (!pinned) System.setProperty(THREADS, "1");
        Engine.getEngine("PyTorch"); // loads the native library, reading the property on first load
        if (!pinned) System.clearProperty(THREADS);
        JniUtils.setNumThreads(threads()); // and applies the choice whether or not the engine was already loaded
        JniUtils.setGradMode(false);
    }
}
