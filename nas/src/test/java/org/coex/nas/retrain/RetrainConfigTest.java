package org.coex.nas.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetrainConfigTest {
    static RetrainConfig config(int epochs, int warmup) { return new RetrainConfig(epochs, 128, 0.1, 0.9, 5e-4, 0.1, warmup, 2, true, 1); }

    @Test
    void warmUpRisesLinearlyToThePeakWhichTheFirstStepAfterItUses() {
        RetrainConfig c = config(10, 1);
        assertEquals(0.1 / 100, c.lrAt(0, 0, 100), 1e-12);
        assertEquals(0.1 * 50 / 100, c.lrAt(0, 49, 100), 1e-12);
        assertEquals(0.1, c.lrAt(0, 99, 100), 1e-12);
        assertEquals(0.1, c.lrAt(1, 0, 100), 1e-12);
        // halfway through the cosine part (epochs 1..10) the rate is half the peak
        assertEquals(0.05, c.lrAt(5, 50, 100), 1e-12);
    }

    @Test
    void withoutWarmUpTheCosineStartsAtThePeakAndEndsAboveZero() {
        RetrainConfig c = config(4, 0);
        assertEquals(0.1, c.lrAt(0, 0, 10), 1e-12);
        // the last of 40 steps starts 39/40 of the way down the cosine
        assertEquals(0.05 * (1 + Math.cos(Math.PI * 39 / 40)), c.lrAt(3, 9, 10), 1e-15);
        assertTrue(c.lrAt(3, 9, 10) > 0);
    }

    @Property
    void theRateIsPositiveNeverAboveThePeakAndDuringWarmUpIndependentOfTheEpochCount(
            @ForAll @IntRange(min = 2, max = 40) int epochs, @ForAll @IntRange(min = 1, max = 3) int warmup,
            @ForAll @IntRange(min = 1, max = 500) int steps, @ForAll @IntRange(min = 0, max = 499) int step) {
        if (warmup >= epochs) return;
        int k = step % steps;
        RetrainConfig c = config(epochs, warmup);
        for (int e = 0; e < epochs; e++) {
            double lr = c.lrAt(e, k, steps);
            assertTrue(lr > 0 && lr <= 0.1 + 1e-15, "epoch " + e + " step " + k + ": " + lr);
        }
        for (int e = 0; e < warmup; e++) assertEquals(c.lrAt(e, k, steps), c.withEpochs(epochs + 7).lrAt(e, k, steps), 0);
    }

    @Property
    void afterWarmUpTheRateNeverRises(@ForAll @IntRange(min = 2, max = 20) int epochs, @ForAll @IntRange(min = 1, max = 50) int steps) {
        RetrainConfig c = config(epochs, 1);
        double previous = Double.POSITIVE_INFINITY;
        for (int e = 1; e < epochs; e++) {
            for (int k = 0; k < steps; k++) {
                double lr = c.lrAt(e, k, steps);
                assertTrue(lr <= previous, "rose at epoch " + e + " step " + k);
                previous = lr;
            }
        }
    }

    @Test
    void aRecipeThatCannotTrainIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> config(3, 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrainConfig(3, 128, 0.1, 0.9, 0, 1.0, 0, 2, true, 1));
    }
}
