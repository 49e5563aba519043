package org.coex.accel.nest;

import java.util.Map;

/**
 * What one storage level does under a mapping.
 *
 * @param accesses      per kept tensor, summed over utilized instances
 * @param tileWords     per kept tensor, the tile one instance holds
 * @param energyPj      dynamic plus leakage energy of all utilized instances
 * @param cycles        cycles this level needs at its bandwidth (0 when unlimited)
 */
public record LevelResult(String name, long utilizedInstances, Map<DataSpace, Accesses> accesses,
                          Map<DataSpace, Long> tileWords, double energyPj, long cycles) {
    public LevelResult {
        accesses = Map.copyOf(accesses);
        tileWords = Map.copyOf(tileWords);
    }
}
