package org.coex.accel.nest;

/** Scalar accesses of one tensor at one level, summed over the level's utilized instances. */
public record Accesses(long reads, long fills, long updates) {
    public static final Accesses NONE = new Accesses(0, 0, 0);

    public long total() { return reads + fills + updates; }
}
