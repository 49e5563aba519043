package org.coex.accel.template.spatial;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.coex.accel.mapping.LevelSpace;
import org.coex.accel.mapping.MapSpace;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;

/**
 * What a dataflow lets a mapping do on the spatial template's levels (psum RF, weights RF, ifmap RF,
 * global buffer with the fan-out to the PE array, DRAM):
 * <ul>
 *   <li>{@link #WS} weight stationary: weights stay in the PE's weights RF while pixels (P, Q, N)
 *       iterate above it; output channels K spread across columns, the reduction (C, R, S) down rows
 *       with partial sums reduced spatially; no input or psum RF.</li>
 *   <li>{@link #OS} output stationary: partial sums stay in the psum RF while the reduction (C, R, S)
 *       iterates above it; pixels (Q, P) and K spread across the array; no weight or input RF.</li>
 *   <li>{@link #RS} row stationary (Eyeriss, as Timeloop's eyeriss_like constraints): a filter row
 *       (R) and channels (C) in the weights RF, a window in the ifmap RF, output channels (K) in the
 *       psum RF; output columns Q and K across columns, filter rows S, C and K down rows.</li>
 * </ul>
 */
public enum SpatialDataflow {
    WS, OS, RS;

    private static final Set<Dim> ALL = EnumSet.allOf(Dim.class);
    private static final Set<Dim> NONE = EnumSet.noneOf(Dim.class);
    private static final Set<DataSpace> NOTHING = EnumSet.noneOf(DataSpace.class);

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<SpatialDataflow> parse(String s) {
        for (SpatialDataflow d : values()) if (d.key().equalsIgnoreCase(s.strip())) return Optional.of(d);
        return Optional.empty();
    }

    /** The map space on a rows x cols array; levels as {@link SpatialAccelerator} builds them. */
    public MapSpace mapSpace(int rows, int cols) {
        LevelSpace dram = new LevelSpace(ALL, NONE, 1, NONE, 1, EnumSet.allOf(DataSpace.class));
        return switch (this) {
            case WS -> new MapSpace(List.of(
                    level(NONE, NOTHING),
                    level(EnumSet.of(Dim.R, Dim.S), EnumSet.of(DataSpace.WEIGHTS)),
                    level(EnumSet.of(Dim.P, Dim.Q, Dim.N), NOTHING),
                    new LevelSpace(ALL, EnumSet.of(Dim.K), cols, EnumSet.of(Dim.C, Dim.R, Dim.S), rows,
                            EnumSet.of(DataSpace.INPUTS, DataSpace.OUTPUTS)),
                    dram));
            case OS -> new MapSpace(List.of(
                    level(NONE, EnumSet.of(DataSpace.OUTPUTS)),
                    level(EnumSet.of(Dim.C, Dim.R, Dim.S), NOTHING),
                    level(NONE, NOTHING),
                    new LevelSpace(ALL, EnumSet.of(Dim.Q, Dim.K), cols, EnumSet.of(Dim.P, Dim.K), rows, EnumSet.allOf(DataSpace.class)),
                    dram));
            case RS -> new MapSpace(List.of(
                    level(EnumSet.of(Dim.K), EnumSet.of(DataSpace.OUTPUTS)),
                    level(EnumSet.of(Dim.C, Dim.R), EnumSet.of(DataSpace.WEIGHTS)),
                    level(NONE, EnumSet.of(DataSpace.INPUTS)),
                    new LevelSpace(ALL, EnumSet.of(Dim.Q, Dim.K), cols, EnumSet.of(Dim.S, Dim.C, Dim.K), rows,
                            EnumSet.of(DataSpace.INPUTS, DataSpace.OUTPUTS)),
                    dram));
        };
    }

    private static LevelSpace level(Set<Dim> temporal, Set<DataSpace> keep) {
        return new LevelSpace(temporal, NONE, 1, NONE, 1, keep);
    }
}
