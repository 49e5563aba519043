package org.coex.accel.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.space.HwConfig;
import org.coex.accel.spec.SpecException;

/** Small pieces the commands share. */
final class Cli {
    private Cli() {}

    /** A mistake in a command-line option, reported like a spec problem. */
    static SpecException usage(String option, String message) { return SpecException.option(option, message); }

    /** {@code --set rows=32 --set dataflow=ws} as a config: whole numbers, decimals, true/false, else text. */
    static HwConfig settings(List<String> assignments) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw usage("--set", "expected name=value (found '" + a + "')");
            m.put(a.substring(0, eq).strip(), value(a.substring(eq + 1).strip()));
        }
        return new HwConfig(m);
    }

    static Object value(String s) {
        if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e2) {
                return s;
            }
        }
    }
}
