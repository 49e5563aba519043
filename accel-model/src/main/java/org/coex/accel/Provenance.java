package org.coex.accel;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** What produced a result: coex version, JDK, spec file and its hash, seed. Written into every result file. */
public final class Provenance {
    private Provenance() {}

    /** coex's version, from the build. */
    public static String version() {
        try (InputStream in = Provenance.class.getResourceAsStream("/org/coex/accel/coex-version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static Map<String, Object> of(String spec, String specSha256, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coex_version", version());
        m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
        m.put("spec", spec);
        m.put("spec_sha256", specSha256);
        m.put("seed", seed);
        return m;
    }
}
