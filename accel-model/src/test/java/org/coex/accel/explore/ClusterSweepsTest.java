package org.coex.accel.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ClusterSweepsTest {
    @Property
    void slicesKeepEverySlotBusyAndStaySmall(@ForAll @LongRange(min = 1, max = 10_000_000_000L) long total, @ForAll @IntRange(min = 1, max = 256) int slots) {
        long slices = ClusterSweeps.sliceCount(total, slots);
        assertTrue(slices >= 1 && slices <= total, slices + " slices of " + total);
        assertTrue(slices >= Math.min(total, 2L * slots), "at least two slices per slot when there are points enough");
        if (slices < total) assertEquals(0, slices % slots, "whole rounds: " + slices + " slices on " + slots + " slots");
        assertTrue((total + slices - 1) / slices <= ClusterSweeps.SLICE_POINTS, "at most " + ClusterSweeps.SLICE_POINTS + " points a slice");
    }

    @Test
    void aMillionPointsOnTwoSlotsAreSixSlicesNotFive() {
        assertEquals(6, ClusterSweeps.sliceCount(1_200_000, 2));
        assertEquals(4, ClusterSweeps.sliceCount(1_000, 2));
        assertEquals(3, ClusterSweeps.sliceCount(3, 2), "never more slices than points");
    }
}
