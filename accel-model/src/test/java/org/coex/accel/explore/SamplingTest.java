package org.coex.accel.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.accel.space.DesignSpace;
import org.junit.jupiter.api.Test;

class SamplingTest {
    static final DesignSpace SPACE = new SystolicTemplate().defaultSpace();   // 9,600 points

    @Test
    void gridVisitsEveryPointInOrder() {
        List<Long> all = Sampling.GRID.indices(SPACE, 10, 1);
        assertEquals(9600, all.size());
        assertEquals(0L, all.get(0));
        assertEquals(9599L, all.get(9599));
    }

    @Test
    void sameSeedGivesTheSameSample() {
        for (Sampling s : List.of(Sampling.RANDOM, Sampling.SOBOL)) {
            assertEquals(s.indices(SPACE, 200, 42), s.indices(SPACE, 200, 42), s.key());
        }
    }

    @Test
    void differentSeedsGiveDifferentSamples() {
        for (Sampling s : List.of(Sampling.RANDOM, Sampling.SOBOL)) {
            assertNotEquals(s.indices(SPACE, 200, 1), s.indices(SPACE, 200, 2), s.key());
        }
    }

    @Test
    void samplesAreDistinctAndInsideTheSpace() {
        for (Sampling s : List.of(Sampling.RANDOM, Sampling.SOBOL)) {
            List<Long> idx = s.indices(SPACE, 500, 3);
            assertEquals(500, idx.size(), s.key());
            assertEquals(500, new HashSet<>(idx).size());
            assertTrue(idx.stream().allMatch(i -> i >= 0 && i < SPACE.size()));
        }
    }

    @Test
    void sobolCoversEveryValueOfEveryParameterEarly() {
        List<Long> idx = Sampling.SOBOL.indices(SPACE, 64, 0);
        for (int j = 0; j < SPACE.parameters().size(); j++) {
            String name = SPACE.parameters().get(j).name();
            long distinct = idx.stream().map(i -> SPACE.point(i).values().get(name)).distinct().count();
            assertEquals(SPACE.parameters().get(j).size(), distinct, name);
        }
    }
}
