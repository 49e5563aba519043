package org.coex.accel.mapping;

import java.util.List;

/**
 * The legal mappings of one architecture under one dataflow: a {@link LevelSpace} per storage level,
 * innermost first. The two outermost levels (global buffer and DRAM) may hold any temporal loop.
 * {@code minUtilization} is the fraction of the MACs a mapping must keep busy (Timeloop's
 * {@code utilization} constraint; 0 for none).
 */
public record MapSpace(List<LevelSpace> levels, double minUtilization) {
    public MapSpace {
        levels = List.copyOf(levels);
        if (levels.size() < 2) throw new IllegalArgumentException("a map space needs at least a buffer and DRAM");
        if (!(minUtilization >= 0 && minUtilization <= 1)) throw new IllegalArgumentException("minUtilization must be in [0, 1]");
    }

    public MapSpace(List<LevelSpace> levels) { this(levels, 0); }
}
