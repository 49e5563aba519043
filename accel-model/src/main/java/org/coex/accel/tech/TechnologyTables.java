package org.coex.accel.tech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;

/**
 * Front door of the technology tables: the built-in presets and users' own tables in YAML
 * (same layout as the presets under {@code resources/org/coex/accel/tech/}).
 */
public final class TechnologyTables {
    /** Built-in preset names. */
    public static final List<String> PRESETS = List.of("accelergy-45nm", "accelergy-65nm", "eyeriss-65nm-normalized");

    /** The preset used when a spec names none. */
    public static final String DEFAULT = "accelergy-45nm";

    private TechnologyTables() {}

    /** A built-in preset. @throws IllegalArgumentException if there is no preset of that name */
    public static TechnologyTable preset(String name) {
        if (!PRESETS.contains(name)) {
            throw new IllegalArgumentException("unknown technology preset '" + name + "'; presets: " + String.join(", ", PRESETS));
        }
        try (InputStream in = TechnologyTables.class.getResourceAsStream(name + ".yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(YamlDocument.parse(Path.of(name + ".yaml"), text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A preset name, or the path of a user's YAML table.
     *
     * @throws SpecException naming the problem if it is neither
     */
    public static TechnologyTable resolve(String nameOrPath, Path relativeTo) {
        if (PRESETS.contains(nameOrPath)) return preset(nameOrPath);
        Path p = relativeTo == null ? Path.of(nameOrPath) : relativeTo.resolve(nameOrPath);
        if (!Files.exists(p) && !nameOrPath.toLowerCase(Locale.ROOT).endsWith(".yaml")) {
            throw new SpecException(new org.coex.accel.spec.Problem(nameOrPath, 0, "technology",
                    "unknown technology preset; use one of " + String.join(", ", PRESETS) + " or the path of a YAML table"));
        }
        return parse(YamlDocument.read(p));
    }

    /** Reads a table from a parsed YAML document. @throws SpecException listing every problem */
    public static TechnologyTable parse(YamlDocument doc) {
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        root.expectObject();
        root.allowOnly(List.of("name", "source", "word_bits", "mac_bits", "interpolation", "mac", "register", "array", "dram", "sram"));
        String name = root.requiredString("name", "give the table a name").orElse("table");
        int wordBits = root.integerAtLeast("word_bits", 16, 1);
        int macBits = root.integerAtLeast("mac_bits", wordBits, 1);
        String interp = root.string("interpolation", "log2");
        TechnologyTable.Interpolation interpolation = TechnologyTable.Interpolation.LOG2;
        if (interp.equalsIgnoreCase("linear")) interpolation = TechnologyTable.Interpolation.LINEAR;
        else if (!interp.equalsIgnoreCase("log2")) root.problem("interpolation", "must be 'linear' or 'log2' (found \"" + interp + "\")");
        SpecNode mac = root.child("mac");
        mac.allowOnly(List.of("energy_pj", "area_um2"));
        SpecNode reg = root.child("register");
        reg.allowOnly(List.of("energy_pj", "area_um2"));
        SpecNode array = root.child("array");
        array.allowOnly(List.of("energy_pj_per_word"));
        double arrayPj = array.has("energy_pj_per_word") ? nonNegative(array, "energy_pj_per_word") : 0;
        SpecNode dram = root.child("dram");
        dram.allowOnly(List.of("energy_pj_per_word"));
        double macPj = nonNegative(mac, "energy_pj");
        double macArea = nonNegative(mac, "area_um2");
        double regPj = nonNegative(reg, "energy_pj");
        double regArea = nonNegative(reg, "area_um2");
        double dramPj = nonNegative(dram, "energy_pj_per_word");
        List<SramPoint> sram = new ArrayList<>();
        List<SpecNode> points = root.child("sram").elements();
        if (points.isEmpty()) root.problem("sram", "give at least one SRAM point {bytes, read_pj, write_pj, area_um2}");
        for (SpecNode p : points) {
            p.allowOnly(List.of("bytes", "read_pj", "write_pj", "area_um2"));
            double bytes = nonNegative(p, "bytes");
            if (bytes <= 0 && p.has("bytes")) p.problem("bytes", "must be > 0");
            sram.add(new SramPoint(Math.max(bytes, 1), nonNegative(p, "read_pj"), nonNegative(p, "write_pj"),
                    nonNegative(p, "area_um2")));
        }
        problems.throwIfAny();
        return new TechnologyTable(name, root.string("source", ""), wordBits, macBits, macPj, macArea, regPj, regArea, arrayPj, dramPj,
                interpolation, sram);
    }

    private static double nonNegative(SpecNode node, String key) { return node.requiredNumberAtLeast(key, 0, "missing key '" + key + "'"); }
}
