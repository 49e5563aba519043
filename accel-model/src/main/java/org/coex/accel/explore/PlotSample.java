package org.coex.accel.explore;

/**
 * Which points a sweep's plot shows besides the front: all of them up to {@value #LIMIT} evaluated
 * points, above that a deterministic sample of about that many, chosen by a hash of the grid index,
 * so that a sweep run on one machine and on a cluster (in any number of slices) plot the same points.
 */
public final class PlotSample {
    public static final long LIMIT = 200_000;

    private PlotSample() {}

    public static boolean keeps(long index, long evaluated) {
        if (evaluated <= LIMIT) return true;
        long stride = (evaluated + LIMIT - 1) / LIMIT;
        return Math.floorMod(mix(index), stride) == 0;
    }

    /** SplittableRandom's 64-bit finalizer: neighbouring indices land far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
