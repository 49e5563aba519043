package org.coex.accel.nest;

import org.coex.accel.Checks;

/**
 * One level of the memory hierarchy: a buffer replicated {@code instances} times.
 *
 * @param blockWords     words per vector access (width / datawidth); energies are per vector access
 * @param sizeWords      capacity in words, 0 for unbounded (DRAM)
 * @param readBandwidth  words per cycle per instance, 0 for unlimited
 * @param dummy          a level that only distributes (Timeloop's dummy_storage): no storage, no energy
 */
public record StorageLevel(String name, int instances, int meshX, int wordBits, int blockWords, long sizeWords,
                           double readBandwidth, double writeBandwidth, double readPj, double writePj,
                           double updatePj, double leakPj, double areaUm2, boolean dummy) {
    public StorageLevel {
        Checks.notBlank("name", name);
        Checks.positive(name + ": instances", instances);
        Checks.positive(name + ": meshX", meshX);
        Checks.positive(name + ": word bits", wordBits);
        Checks.positive(name + ": block words", blockWords);
        if (sizeWords < 0) throw new IllegalArgumentException(name + ": size must be >= 0");
    }
}
