package org.coex.accel.template.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PythonSumTest {
    @Test
    void pythonFrom312SumsCompensatedAndAnythingButAPython3VersionIsRefused() {
        assertEquals(PythonSum.NEUMAIER, PythonSum.ofVersion("3.12"));
        assertEquals(PythonSum.NEUMAIER, PythonSum.ofVersion("3.13.1"));
        assertEquals(PythonSum.SEQUENTIAL, PythonSum.ofVersion("3.11"));
        for (String wrong : new String[] {"-0.0", "2.7", "3.x", "", "3.12 ]]{", "1e3"}) {
            assertThrows(IllegalArgumentException.class, () -> PythonSum.ofVersion(wrong), wrong);
        }
    }
}
