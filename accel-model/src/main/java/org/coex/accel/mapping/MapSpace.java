package org.coex.accel.mapping;

import java.util.List;

/**
 * The legal mappings of one architecture under one dataflow: a {@link LevelSpace} per storage level,
 * innermost first. The two outermost levels (global buffer and DRAM) may hold any temporal loop.
 */
public record MapSpace(List<LevelSpace> levels) {
    public MapSpace {
        levels = List.copyOf(levels);
        if (levels.size() < 2) throw new IllegalArgumentException("a map space needs at least a buffer and DRAM");
    }
}
