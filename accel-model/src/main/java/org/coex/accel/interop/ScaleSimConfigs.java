package org.coex.accel.interop;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.template.systolic.Dataflow;
import org.coex.accel.template.systolic.SystolicParams;

/** Reads and writes SCALE-Sim v2 {@code .cfg} files. */
public final class ScaleSimConfigs {
    private ScaleSimConfigs() {}

    /** @throws SpecException naming file:line and the fix for every problem */
    public static ScaleSimConfig read(Path file) {
        return parse(file.toString(), InputFiles.readLines(file, "config file", "check the path given with -c"));
    }

    static ScaleSimConfig parse(String name, List<String> lines) {
        Problems problems = new Problems();
        if (lines.stream().allMatch(String::isBlank)) {
            throw new SpecException(new Problem(name, 0, "", "the config is empty; see SCALE-Sim's configs/scale.cfg for the layout"));
        }
        IniFile ini = IniFile.parse(name, lines, problems);
        List<String> known = List.copyOf(KNOWN_KEYS.keySet());
        ini.sectionLines().forEach((section, line) -> {
            if (!known.contains(section)) {
                problems.add(new Problem(name, line, "", "unknown section [" + section + "]; " + SpecNode.closest(section, known).map(k -> "did you mean [" + k + "]? ").orElse("")
                        + "SCALE-Sim reads [general], [architecture_presets] and [run_presets]"));
            }
        });
        misspeltKeys(ini, problems);
        String runName = text(ini, "general", "run_name", "scale_run", problems, false);
        String mode = text(ini, "run_presets", "InterfaceBandwidth", "CALC", problems, true);
        String arch = "architecture_presets";
        int rows = whole(ini, arch, "ArrayHeight", problems);
        int cols = whole(ini, arch, "ArrayWidth", problems);
        int ifmap = whole(ini, arch, "IfmapSramSzkB", problems);
        int filter = whole(ini, arch, "FilterSramSzkB", problems);
        int ofmap = whole(ini, arch, "OfmapSramSzkB", problems);
        // the trace addresses SCALE-Sim starts each operand at: no count depends on them, but SCALE-Sim reads them with int()
        for (String key : List.of("IfmapOffset", "FilterOffset", "OfmapOffset")) offset(ini, arch, key, problems);
        String df = text(ini, arch, "Dataflow", "ws", problems, true);
        Dataflow dataflow = Dataflow.parse(df).orElse(Dataflow.WS);
        if (Dataflow.parse(df).isEmpty()) problems.add(at(ini, arch, "Dataflow", "unknown dataflow '" + df + "'; use os, ws or is"));
        double bandwidth = 0;
        if (mode.equals("USER")) {
            IniFile.Entry bw = ini.get(arch, "Bandwidth");
            if (bw == null) {
                problems.add(new Problem(name, 0, "Bandwidth", "USER mode needs 'Bandwidth: <words per cycle>' in [" + arch + "]"));
            } else {
                try {
                    bandwidth = Double.parseDouble(bw.value().split(",")[0].strip());
                    if (!(bandwidth > 0)) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    problems.add(new Problem(name, bw.line(), "Bandwidth", "must be a number > 0 (found '" + bw.value() + "')"));
                }
            }
        } else if (!mode.equals("CALC")) {
            problems.add(at(ini, "run_presets", "InterfaceBandwidth", "must be CALC or USER (found '" + mode + "')"));
        }
        problems.throwIfAny();
        return new ScaleSimConfig(runName, rows, cols, ifmap, filter, ofmap, dataflow, bandwidth);
    }

    /**
     * A SCALE-Sim {@code .cfg} for systolic parameters: CALC mode when DRAM bandwidth is unlimited,
     * USER mode with that bandwidth otherwise.
     *
     * @throws IllegalArgumentException if an SRAM size is not a whole number of kB (SCALE-Sim reads integers)
     */
    public static String write(SystolicParams p, String runName) {
        String calc = p.dramWordsPerCycle() == 0 ? "CALC" : "USER";
        long bw = p.dramWordsPerCycle() == 0 ? 10 : Math.round(p.dramWordsPerCycle());
        return "# Written by coex. SCALE-Sim assumes 1-byte words; this design uses " + p.wordBytes() + "-byte words"
                + " at " + p.clockMhz() + " MHz.\n"
                + "[general]\nrun_name = " + runName + "\n\n"
                + "[architecture_presets]\n"
                + "ArrayHeight:    " + p.rows() + "\n"
                + "ArrayWidth:     " + p.cols() + "\n"
                + "IfmapSramSzkB:    " + wholeKb("ifmap_sram_kb", p.ifmapSramKb()) + "\n"
                + "FilterSramSzkB:   " + wholeKb("filter_sram_kb", p.filterSramKb()) + "\n"
                + "OfmapSramSzkB:    " + wholeKb("ofmap_sram_kb", p.ofmapSramKb()) + "\n"
                + "IfmapOffset:    0\nFilterOffset:   10000000\nOfmapOffset:    20000000\n"
                + "Bandwidth : " + bw + "\n"
                + "Dataflow : " + p.dataflow().key() + "\n"
                + "MemoryBanks:   1\n\n"
                + "[run_presets]\nInterfaceBandwidth: " + calc + "\n";
    }

    /** The sections SCALE-Sim v2 reads, in their file order, and the keys it reads in each. */
    private static final Map<String, List<String>> KNOWN_KEYS = new LinkedHashMap<>();
    static {
        KNOWN_KEYS.put("general", List.of("run_name"));
        KNOWN_KEYS.put("architecture_presets", List.of("ArrayHeight", "ArrayWidth", "IfmapSramSzkB", "FilterSramSzkB", "OfmapSramSzkB", "IfmapOffset",
                "FilterOffset", "OfmapOffset", "Dataflow", "Bandwidth", "MemoryBanks", "ReadRequestBuffer", "WriteRequestBuffer"));
        KNOWN_KEYS.put("run_presets", List.of("InterfaceBandwidth", "UseRamulatorTrace"));
    }

    /**
     * A key SCALE-Sim does not read but that is a few letters from one it does ({@code run_nam}) is a
     * problem; other unknown keys are ignored, as configparser ignores them.
     */
    private static void misspeltKeys(IniFile ini, Problems problems) {
        KNOWN_KEYS.forEach((section, keys) -> {
            List<String> lower = keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
            ini.entries(section).forEach((key, entry) -> {
                if (lower.contains(key)) return;
                SpecNode.closest(key, lower).ifPresent(k -> {
                    problems.add(new Problem(ini.file(), entry.line(), key, "unknown key; did you mean '" + keys.get(lower.indexOf(k)) + "'?"));
                    problems.noteMisspelling(section + "." + k);   // its absence is then not news
                });
            });
        });
    }

    private static long wholeKb(String name, double kb) {
        if (kb != Math.rint(kb)) throw new IllegalArgumentException(name + " must be a whole number of kB for SCALE-Sim, found " + kb);
        return (long) kb;
    }

    private static Problem at(IniFile ini, String section, String key, String message) {
        IniFile.Entry e = ini.get(section, key);
        return new Problem(ini.file(), e == null ? 0 : e.line(), key, message);
    }

    private static String text(IniFile ini, String section, String key, String fallback, Problems problems, boolean required) {
        IniFile.Entry e = ini.get(section, key);
        if (e == null) {
            if (required && !problems.isMisspelt(section + "." + key.toLowerCase(Locale.ROOT))) problems.add(new Problem(ini.file(), 0, key, "missing; add '" + key + ": ...' under [" + section + "]"));
            return fallback;
        }
        return e.value();
    }

    /** An operand's address offset, when given: a whole number >= 0, as SCALE-Sim's int() reads it. */
    private static void offset(IniFile ini, String section, String key, Problems problems) {
        IniFile.Entry e = ini.get(section, key);
        if (e == null) return;
        try {
            if (Long.parseLong(e.value()) >= 0) return;
        } catch (NumberFormatException notWhole) {
            // reported below
        }
        problems.add(new Problem(ini.file(), e.line(), key, "must be a whole number >= 0 (found '" + e.value() + "'); SCALE-Sim reads it as an address"));
    }

    private static int whole(IniFile ini, String section, String key, Problems problems) {
        IniFile.Entry e = ini.get(section, key);
        if (e == null) {
            if (!problems.isMisspelt(section + "." + key.toLowerCase(Locale.ROOT))) {
                problems.add(new Problem(ini.file(), 0, key, "missing; add '" + key + ": <whole number>' under [" + section + "]"));
            }
            return 1;
        }
        try {
            int v = Integer.parseInt(e.value());
            if (v < 1) {
                problems.add(new Problem(ini.file(), e.line(), key, "must be >= 1 (found " + v + ")"));
                return 1;
            }
            return v;
        } catch (NumberFormatException ex) {
            problems.add(new Problem(ini.file(), e.line(), key, "must be a whole number (found '" + e.value() + "')"));
            return 1;
        }
    }
}
