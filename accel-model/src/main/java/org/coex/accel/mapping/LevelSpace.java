package org.coex.accel.mapping;

import java.util.Set;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;

/**
 * What a mapping may do at one storage level: the dimensions its temporal loops may iterate, the
 * dimensions its spatial loops may spread over X (at most {@code maxX}) and Y (at most {@code maxY})
 * children, and the tensors it keeps.
 */
public record LevelSpace(Set<Dim> temporal, Set<Dim> spatialX, int maxX, Set<Dim> spatialY, int maxY, Set<DataSpace> keep) {
    public LevelSpace {
        temporal = Set.copyOf(temporal);
        spatialX = Set.copyOf(spatialX);
        spatialY = Set.copyOf(spatialY);
        keep = Set.copyOf(keep);
        if (maxX < 1 || maxY < 1) throw new IllegalArgumentException("maxX and maxY must be >= 1");
    }

    public boolean isSpatial() { return !spatialX.isEmpty() || !spatialY.isEmpty(); }
}
