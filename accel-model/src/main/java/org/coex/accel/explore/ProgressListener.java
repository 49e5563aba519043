package org.coex.accel.explore;

/** Told how far a long job has come; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);

    /** A new stage of the job begins (e.g. "epoch 3/8"); what follows counts within it. Ignored unless shown. */
    default void stage(String name) {}
}
