package org.coex.evaluator.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.coex.accel.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationBudgetTest {
    static final long GB = 1L << 30;

    @TempDir Path dir;

    @Test
    void moreSamplesThanTheDiskHoldsAreRefusedWithBothFigures() {
        SpecException e = assertThrows(SpecException.class, () -> GenerationBudget.check(2_000_000_000, 108, 5, 162, 453, 2000,
                dir.resolve("not/yet/made"), 0, 6 * GB));
        assertTrue(e.getMessage().contains("--samples: 2,000,000,000 samples need ") && e.getMessage().contains("free; lower --samples"), e.getMessage());
    }

    @Test
    void costRowsBeyondTheHeapAreRefusedWithTheOptionThatShrinksThem() {
        // the systolic default space: 9,600 configurations x 66 terms fit a small heap; ten thousand times as many on demand do not
        assertDoesNotThrow(() -> GenerationBudget.check(100_000, 66, 6, 9_600, 66, 2000, dir, 0, GB));
        SpecException e = assertThrows(SpecException.class, () -> GenerationBudget.check(100_000, 66, 6, 96_000_000, 66, 2000, dir, 0, 6 * GB));
        assertTrue(e.getMessage().contains("--design-space: 96,000,000 configurations x 66 cost terms need about ")
                && e.getMessage().contains("lower --solver-budget") && e.getMessage().contains("-Xmx"), e.getMessage());
    }

    @Test
    void theHeapEstimateDoesNotGrowWithTheSamplesOfAnEnumeratedCube() {
        long small = GenerationBudget.heapBytes(9_600, 66, 66, 100_000, 2000);
        long large = GenerationBudget.heapBytes(9_600, 66, 66, 1_000_000_000, 2000);
        assertTrue(small == large, small + " vs " + large);
    }
}
