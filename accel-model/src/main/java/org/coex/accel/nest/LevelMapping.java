package org.coex.accel.nest;

import java.util.List;
import java.util.Set;

/**
 * What one storage level does in a mapping: its temporal loops (innermost first), the spatial loops
 * that fan out to the level below, and the tensors it keeps (the others bypass it).
 */
public record LevelMapping(List<Loop> temporal, List<Loop> spatial, Set<DataSpace> keep) {
    public LevelMapping {
        temporal = List.copyOf(temporal);
        spatial = List.copyOf(spatial);
        keep = keep.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(keep));
        for (Loop l : temporal) if (l.isSpatial()) throw new IllegalArgumentException("temporal list holds a spatial loop");
        for (Loop l : spatial) if (!l.isSpatial()) throw new IllegalArgumentException("spatial list holds a temporal loop");
    }
}
