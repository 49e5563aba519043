package org.coex.accel.nest;

import java.util.List;
import org.coex.accel.Checks;

/**
 * A spatial accelerator as Timeloop sees it: MAC units under a stack of storage levels, listed
 * from the innermost (next to the MACs) to the outermost (DRAM).
 */
public record Architecture(String macName, int macInstances, double macPj, double macAreaUm2, List<StorageLevel> levels) {
    public Architecture {
        Checks.notBlank("macName", macName);
        Checks.positive("macInstances", macInstances);
        levels = List.copyOf(levels);
        if (levels.isEmpty()) throw new IllegalArgumentException("an architecture needs at least one storage level");
    }

    /** Children (instances of the level below, or MACs below level 0) per instance of level {@code i}. */
    public int fanout(int i) {
        int children = i == 0 ? macInstances : levels.get(i - 1).instances();
        return children / levels.get(i).instances();
    }

    /** The X extent of the level below level {@code i} (level 0's own for level 0, whose children are the MACs). */
    public int childMeshX(int i) { return levels.get(Math.max(0, i - 1)).meshX(); }

    /** Columns of level {@code i}'s fan-out (its X extent): the child's meshX over its own, at least 1. */
    public int fanoutColumns(int i) { return Math.max(1, childMeshX(i) / Math.max(1, levels.get(i).meshX())); }

    /** Rows of level {@code i}'s fan-out (its Y extent): the fan-out over its columns, at least 1. */
    public int fanoutRows(int i) { return Math.max(1, fanout(i) / fanoutColumns(i)); }

    public int indexOf(String levelName) {
        for (int i = 0; i < levels.size(); i++) if (levels.get(i).name().equals(levelName)) return i;
        return -1;
    }
}
