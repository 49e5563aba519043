package org.coex.accel.tech;

import org.coex.accel.Checks;

/** A published SRAM data point: capacity, energy per word read and written, area of the whole macro. */
public record SramPoint(double bytes, double readPj, double writePj, double areaUm2) {
    public SramPoint {
        Checks.positive("bytes", bytes);
        Checks.nonNegative("readPj", readPj);
        Checks.nonNegative("writePj", writePj);
        Checks.nonNegative("areaUm2", areaUm2);
    }
}
