package org.coex.accel.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.coex.accel.nest.Architecture;
import org.coex.accel.nest.LevelMapping;
import org.coex.accel.nest.Loop;
import org.coex.accel.nest.Mapping;
import org.coex.accel.nest.StorageLevel;

/**
 * A coex architecture and mapping laid out as Timeloop's eyeriss_like lays out a PE array. coex keeps
 * a 2-D fan-out (children in more than one column and more than one row) as one level's spatial
 * loops, X and Y together. Timeloop, given one flat fan-out with both an input-window loop pair
 * spread (Q on X and S on Y, say), lets PEs whose windows overlap share input reads, which coex's
 * model (and Timeloop's on eyeriss_like) does not. So below every such level come two dummy levels:
 * {@code inter_PE_column_spatial} (one per instance of the level) carries the X loops to the columns,
 * {@code inter_PE_spatial} (one per column) the Y loops to the PEs of a column. Dummies keep no data
 * and cost nothing, so the loop-nest analysis of the layout equals that of the original, level for
 * level (tested by the export's round trip).
 */
record TimeloopLayout(Architecture architecture, Mapping mapping) {
    static final String COLUMNS = "inter_PE_column_spatial";
    static final String PES = "inter_PE_spatial";

    static TimeloopLayout of(Architecture arch, Mapping mapping) {
        List<StorageLevel> levels = new ArrayList<>();
        List<LevelMapping> maps = new ArrayList<>();
        int arrays = 0;
        for (int i = 0; i < arch.levels().size(); i++) {
            StorageLevel level = arch.levels().get(i);
            LevelMapping lm = mapping.levels().get(i);
            int columns = arch.fanoutColumns(i);
            if (level.dummy() || columns <= 1 || arch.fanoutRows(i) <= 1) {
                levels.add(level);
                maps.add(lm);
                continue;
            }
            String suffix = arrays++ == 0 ? "" : "_" + level.name();
            levels.add(dummy(PES + suffix, level.instances() * columns, arch.childMeshX(i)));
            maps.add(new LevelMapping(List.of(), lm.spatial().stream().filter(l -> l.kind() == Loop.Kind.SPATIAL_Y).toList(), Set.of()));
            levels.add(dummy(COLUMNS + suffix, level.instances(), level.meshX()));
            maps.add(new LevelMapping(List.of(), lm.spatial().stream().filter(l -> l.kind() == Loop.Kind.SPATIAL_X).toList(), Set.of()));
            levels.add(level);
            maps.add(new LevelMapping(lm.temporal(), List.of(), lm.keep()));
        }
        return new TimeloopLayout(new Architecture(arch.macName(), arch.macInstances(), arch.macPj(), arch.macAreaUm2(), levels),
                new Mapping(maps));
    }

    private static StorageLevel dummy(String name, int instances, int meshX) {
        return new StorageLevel(name, instances, meshX, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, true);
    }
}
