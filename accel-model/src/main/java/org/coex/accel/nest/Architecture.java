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

    public int indexOf(String levelName) {
        for (int i = 0; i < levels.size(); i++) if (levels.get(i).name().equals(levelName)) return i;
        return -1;
    }
}
