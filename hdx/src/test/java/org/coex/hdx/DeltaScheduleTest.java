package org.coex.hdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

class DeltaScheduleTest {
    /** Whatever the run of violated and met steps, delta stays in [initial, CEILING] and can be checkpointed. */
    @Property(tries = 200)
    void deltaStaysBetweenItsInitialValueAndTheCeiling(@ForAll @Size(max = 4000) List<Boolean> violated,
                                                       @ForAll @DoubleRange(min = 1.01, max = 4) double growth,
                                                       @ForAll @DoubleRange(min = 0.001, max = 10) @Scale(4) double initial) {
        DeltaSchedule s = new DeltaSchedule(initial, growth);
        for (boolean v : violated) {
            double enforced = s.next(v);
            assertTrue(enforced >= initial && enforced <= DeltaSchedule.CEILING, "delta " + enforced);
        }
        DeltaSchedule copy = new DeltaSchedule(initial, growth);
        copy.restore(s.delta());
        assertEquals(s.delta(), copy.delta());
    }

    /** 3,000 violated steps reach the ceiling and stay there; the first met step starts the way back. */
    @Property(tries = 20)
    void aLongViolationStopsAtTheCeiling(@ForAll @DoubleRange(min = 1.1, max = 4) double growth) {
        DeltaSchedule s = new DeltaSchedule(0.05, growth);
        for (int t = 0; t < 3000; t++) s.next(true);
        assertEquals(DeltaSchedule.CEILING, s.delta());
        s.next(false);
        assertEquals(DeltaSchedule.CEILING / growth, s.delta(), DeltaSchedule.CEILING * 1e-12);
    }
}
