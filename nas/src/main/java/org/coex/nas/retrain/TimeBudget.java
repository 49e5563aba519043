package org.coex.nas.retrain;

/**
 * A wall-clock budget for a retraining run, spent on as many epochs as fit. After the first epoch
 * (its steady pace t: the second half of its batches, scaled to a whole epoch, since the first
 * batches of a run pay one-time costs: 126 s for that first epoch against 97-113 s for the later ones
 * of one network on this 2-core machine; measured while the learning rate is still warming up, so
 * nothing done so far depends on the count) the run takes E = 1 + floor((R - T) / (1.1 t)) epochs,
 * where R is the time left and
 * T = 0.5 t n_test / n_train reserves the test pass (forward only, on n_test images); the 10 % margin
 * absorbs the spread between epochs (89-141 s for one network on this 2-core machine). Never fewer
 * than {@code minimum} epochs.
 *
 * @param deadlineNanos the {@link System#nanoTime()} by which the run should have written its result
 */
public record TimeBudget(long deadlineNanos) {
    private static final double EPOCH_MARGIN = 1.10;
    private static final double TEST_COST_PER_IMAGE = 0.5;

    /** A budget of {@code minutes} counted from {@code startNanos} (a {@link System#nanoTime()} reading). */
    public static TimeBudget minutesFrom(long startNanos, double minutes) {
        if (!(minutes > 0)) throw new IllegalArgumentException("need a positive number of minutes, found " + minutes);
        return new TimeBudget(startNanos + Math.round(minutes * 60e9));
    }

    /** Epochs in all, given one epoch of {@code epochSeconds} just finished at {@code nowNanos}. */
    public int epochs(long nowNanos, double epochSeconds, int trainImages, int testImages, int minimum) {
        double left = (deadlineNanos - nowNanos) / 1e9;
        double test = TEST_COST_PER_IMAGE * epochSeconds * testImages / Math.max(1, trainImages);
        long more = (long) Math.floor((left - test) / (EPOCH_MARGIN * epochSeconds));
        return (int) Math.max(minimum, Math.min(100_000, 1 + more));
    }
}
