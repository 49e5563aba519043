package org.coex.accel.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.junit.jupiter.api.Test;

class DesignSpaceTest {
    static final DesignSpace SPACE = DesignSpace.of(Parameter.of("rows", 8, 16), Parameter.of("dataflow", "os", "ws", "is"));

    @Test
    void sizeIsTheProductAndTheLastParameterVariesFastest() {
        assertEquals(6, SPACE.size());
        assertEquals(HwConfig.of("rows", 8, "dataflow", "os"), SPACE.point(0));
        assertEquals(HwConfig.of("rows", 8, "dataflow", "is"), SPACE.point(2));
        assertEquals(HwConfig.of("rows", 16, "dataflow", "ws"), SPACE.point(4));
        assertThrows(IndexOutOfBoundsException.class, () -> SPACE.point(6));
    }

    @Property
    void indexInvertsChoices(@ForAll @LongRange(min = 0, max = 9_599) long i) {
        DesignSpace systolic = new SystolicTemplate().defaultSpace();   // 9,600 points, 7 parameters
        int[] c = systolic.choices(i);
        assertEquals(i, systolic.index(c));
        for (int j = 0; j < c.length; j++) assertEquals(systolic.parameters().get(j).values().get(c[j]), systolic.point(i).values().get(systolic.parameters().get(j).name()));
    }

    @Property
    void indexOfFindsEveryPointAgain(@ForAll @LongRange(min = 0, max = 9_599) long i) {
        DesignSpace systolic = new SystolicTemplate().defaultSpace();
        assertEquals(i, systolic.indexOf(systolic.point(i)));
    }

    @Test
    void indexOfMatchesNumbersByValueAndNamesAValueNotInTheSpace() {
        assertEquals(4, SPACE.indexOf(HwConfig.of("rows", 16.0, "dataflow", "ws", "clock_mhz", 500)));   // 64.0 as a template reports it
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SPACE.indexOf(HwConfig.of("rows", 32, "dataflow", "ws")));
        assertEquals("rows = 32 is not a value of this design space", e.getMessage());
    }

    @Test
    void rejectsDuplicateValuesAndNames() {
        assertThrows(IllegalArgumentException.class, () -> Parameter.of("rows", 8, 8));
        assertThrows(IllegalArgumentException.class, () -> DesignSpace.of(Parameter.of("a", 1), Parameter.of("a", 2)));
    }

    @Test
    void typedGettersNameTheParameter() {
        HwConfig c = HwConfig.of("rows", "many");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.intValue("rows", 1));
        assertEquals("rows must be a whole number, found many", e.getMessage());
        assertEquals(4, c.intValue("cols", 4));
    }
}
