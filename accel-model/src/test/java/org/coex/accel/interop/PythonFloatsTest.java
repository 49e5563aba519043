package org.coex.accel.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what CPython 3 prints for repr(x). */
class PythonFloatsTest {

    @ParameterizedTest
    @CsvSource({
        "100.0, 100.0", "94.53125, 94.53125", "91.68309650614964, 91.68309650614964",
        "0.0001, 0.0001", "0.00001, 1e-05", "0.000015, 1.5e-05", "1e16, 1e+16", "1.5e16, 1.5e+16",
        "123456789012345.6, 123456789012345.6", "1e15, 1000000000000000.0", "0.1, 0.1", "-2.5, -2.5",
        "5e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308"})
    void formatsLikePythonRepr(double value, String python) {
        assertEquals(python, PythonFloats.repr(value));
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0.2, 0.30000000000000004", "1.0, 3.0, 0.3333333333333333", "2.0, 3.0, 0.6666666666666666"})
    void sumsAndQuotientsGiveTheShortestRoundTrip(double a, double b, String python) {
        double v = python.startsWith("0.3000") ? a + b : a / b;
        assertEquals(python, PythonFloats.repr(v));
    }
}
