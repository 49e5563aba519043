package org.coex.nas.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theEpochsThatFitAfterTheFirstLeaveRoomForTheTestPass() {
        TimeBudget budget = TimeBudget.minutesFrom(0, 10);
        // first epoch of 100 s ends at 109 s: 491 s left, the test pass of 10,000 images reserves 0.5 * 100 / 6 = 8.3 s,
        // each further epoch is planned at 110 s: floor(482.7 / 110) = 4 more
        assertEquals(5, budget.epochs(109 * SECOND, 100, 60_000, 10_000, 2));
        assertEquals(2, budget.epochs(590 * SECOND, 100, 60_000, 10_000, 2), "never fewer than the minimum");
    }

    @Property
    void thePlannedRunEndsBeforeTheDeadlineAndUsesMostOfItWhenEpochsKeepTheirTime(@ForAll @DoubleRange(min = 1, max = 120) double minutes,
            @ForAll @DoubleRange(min = 0.5, max = 300) double epochSeconds, @ForAll @IntRange(min = 1, max = 60_000) int train,
            @ForAll @IntRange(min = 1, max = 10_000) int test) {
        TimeBudget budget = TimeBudget.minutesFrom(0, minutes);
        long firstEnds = Math.round(epochSeconds * SECOND);
        int epochs = budget.epochs(firstEnds, epochSeconds, train, test, 1);
        double end = epochs * epochSeconds + 0.5 * epochSeconds * test / train;
        assertTrue(epochs == 1 || end <= minutes * 60, epochs + " epochs end at " + end + " s");
        // what the margin may leave unused: one planned epoch and 10 % of the budget
        assertTrue(end + 1.1 * epochSeconds + 0.1 * minutes * 60 >= minutes * 60, "too much left unused: " + epochs + " epochs end at " + end + " s");
    }
}
