package org.coex.accel.nest;

import java.util.Map;

/**
 * What one storage level does under a mapping.
 *
 * @param accesses      per kept tensor, summed over utilized instances
 * @param tileWords     per kept tensor, the tile one instance holds
 * @param dynamicPj     per kept tensor, the energy of its accesses
 * @param leakPj        leakage of all utilized instances over the run
 * @param cycles        cycles this level needs at its bandwidth (0 when unlimited)
 */
public record LevelResult(String name, long utilizedInstances, Map<DataSpace, Accesses> accesses,
                          Map<DataSpace, Long> tileWords, Map<DataSpace, Double> dynamicPj, double leakPj, long cycles) {
    public LevelResult {
        accesses = Map.copyOf(accesses);
        tileWords = Map.copyOf(tileWords);
        dynamicPj = Map.copyOf(dynamicPj);
    }

    /** Dynamic plus leakage energy of all utilized instances (pJ). */
    public double energyPj() {
        double e = leakPj;
        for (double d : dynamicPj.values()) e += d;
        return e;
    }
}
