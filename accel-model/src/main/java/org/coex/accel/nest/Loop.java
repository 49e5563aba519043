package org.coex.accel.nest;

/** One loop of a mapping: a dimension, its bound at this level, and whether it runs in space (X or Y) or time. */
public record Loop(Dim dim, int bound, Kind kind) {
    public enum Kind { TEMPORAL, SPATIAL_X, SPATIAL_Y }

    public Loop {
        if (bound < 1) throw new IllegalArgumentException(dim + " loop bound must be >= 1, found " + bound);
    }

    public boolean isSpatial() { return kind != Kind.TEMPORAL; }
}
