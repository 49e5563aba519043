package org.coex.accel.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.Problems;

/**
 * An INI file read as Python's {@code configparser} reads it: {@code [section]} headers, {@code key = value}
 * or {@code key: value}, keys case-insensitive, values trimmed, whole-line {@code #} and {@code ;}
 * comments. A line indented deeper than the key before it continues that key's value in configparser
 * (so SCALE-Sim would read neither); here it is a problem. Remembers the line of every key for messages.
 */
final class IniFile {
    record Entry(String value, int line) {}

    private final String file;
    private final Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
    private final Map<String, Integer> sectionLines = new LinkedHashMap<>();

    private IniFile(String file) { this.file = file; }

    static IniFile parse(String file, List<String> lines, Problems problems) {
        IniFile ini = new IniFile(file);
        Map<String, Entry> current = null;
        String lastKey = null;   // the key a deeper-indented line would continue, and its indent
        int lastIndent = 0;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            int n = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            int indent = raw.indexOf(line.charAt(0));
            if (lastKey != null && indent > lastIndent) {
                problems.add(new Problem(file, n, lastKey, "this indented line continues the value of '" + lastKey + "' (line " + current.get(lastKey).line()
                        + ") as configparser reads it; start it at the beginning of the line"));
                continue;
            }
            lastKey = null;
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    problems.add(new Problem(file, n, "", "section header must look like [name] (found '" + line + "')"));
                    continue;
                }
                String section = line.substring(1, line.length() - 1).strip();
                ini.sectionLines.putIfAbsent(section, n);
                current = ini.sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int cut = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (cut <= 0) {
                problems.add(new Problem(file, n, "", "expected 'Key: value' or 'Key = value' (found '" + line + "')"));
                continue;
            }
            if (current == null) {
                problems.add(new Problem(file, n, "", "key before any [section]; start the file with [general]"));
                continue;
            }
            String key = line.substring(0, cut).strip().toLowerCase(Locale.ROOT);
            if (current.containsKey(key)) {
                problems.add(new Problem(file, n, key, "key given twice (first on line " + current.get(key).line() + ")"));
            }
            current.put(key, new Entry(line.substring(cut + 1).strip(), n));
            lastKey = key;
            lastIndent = indent;
        }
        return ini;
    }

    boolean hasSection(String section) { return sections.containsKey(section); }

    /** Every section, with the line of its first header, in file order. */
    Map<String, Integer> sectionLines() { return sectionLines; }

    /** A section's keys (lower case) and their entries, in file order; empty when the section is absent. */
    Map<String, Entry> entries(String section) { return sections.getOrDefault(section, Map.of()); }

    Entry get(String section, String key) {
        Map<String, Entry> s = sections.get(section);
        return s == null ? null : s.get(key.toLowerCase(Locale.ROOT));
    }

    String file() { return file; }
}
