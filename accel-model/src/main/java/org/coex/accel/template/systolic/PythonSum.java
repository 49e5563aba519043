package org.coex.accel.template.systolic;

/**
 * How the Python that runs SCALE-Sim adds floats in {@code sum()}: the last digits of SCALE-Sim's
 * utilization columns depend on it.
 */
public enum PythonSum {
    /** CPython 3.11 and earlier: plain left-to-right addition. */
    SEQUENTIAL,
    /** CPython 3.12 and later: Neumaier-compensated addition (gh-100425). */
    NEUMAIER;

    /** The summation of a Python version such as {@code 3.11} or {@code 3.12.4}. */
    public static PythonSum ofVersion(String version) {
        String v = version.strip();
        if (!v.matches("[3-9](\\.\\d+){0,2}")) {   // SCALE-Sim v2 runs on Python 3
            throw new IllegalArgumentException("a Python 3 version looks like 3.12, found '" + version + "'");
        }
        String[] parts = v.split("\\.");
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return parts[0].equals("3") && minor < 12 ? SEQUENTIAL : NEUMAIER;
    }
}
