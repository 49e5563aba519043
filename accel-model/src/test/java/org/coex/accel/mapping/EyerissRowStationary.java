package org.coex.accel.mapping;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;

/** Timeloop's architecture_constraints of eyeriss_like (input.yaml) as a map space. */
final class EyerissRowStationary {
    private EyerissRowStationary() {}

    static final Set<Dim> ALL = EnumSet.allOf(Dim.class);
    static final Set<Dim> NONE = EnumSet.noneOf(Dim.class);

    static final MapSpace SPACE = new MapSpace(List.of(
            new LevelSpace(EnumSet.of(Dim.K), NONE, 1, NONE, 1, EnumSet.of(DataSpace.OUTPUTS)),
            new LevelSpace(EnumSet.of(Dim.C, Dim.R), NONE, 1, NONE, 1, EnumSet.of(DataSpace.WEIGHTS)),
            new LevelSpace(NONE, NONE, 1, NONE, 1, EnumSet.of(DataSpace.INPUTS)),
            new LevelSpace(NONE, NONE, 1, EnumSet.of(Dim.C, Dim.K, Dim.S), 12, EnumSet.noneOf(DataSpace.class)),
            new LevelSpace(NONE, EnumSet.of(Dim.Q, Dim.K), 14, NONE, 1, EnumSet.noneOf(DataSpace.class)),
            new LevelSpace(ALL, NONE, 1, NONE, 1, EnumSet.of(DataSpace.INPUTS, DataSpace.OUTPUTS)),
            new LevelSpace(ALL, NONE, 1, NONE, 1, EnumSet.allOf(DataSpace.class))));
}
