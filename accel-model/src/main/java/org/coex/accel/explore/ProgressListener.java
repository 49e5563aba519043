package org.coex.accel.explore;

/** Told how far a long job has come; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
