package org.coex.accel.explore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A log axis is labelled only at powers of ten: it is used only where the values span three decades. */
class PlotScalesTest {
    @Test
    void anAxisIsLogarithmicOnlyOverThreeDecadesOrMore() {
        assertFalse(PlotScales.logarithmic(0.12, 4.1), "tiny-cnn's latencies: one decade and a half");
        assertFalse(PlotScales.logarithmic(5900, 31000), "resnet50's energies");
        assertTrue(PlotScales.logarithmic(0.01, 10));
        assertFalse(PlotScales.logarithmic(0, 0.5), "zeros do not count as a lower end");
    }
}
