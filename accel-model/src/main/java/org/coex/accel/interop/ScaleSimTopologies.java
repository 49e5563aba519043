package org.coex.accel.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecException;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.OutputRounding;

/**
 * Reads SCALE-Sim topology CSVs with SCALE-Sim's rules: the first line is a header; blank lines are
 * skipped; the last comma-separated field of a row is dropped (so rows end with a comma); output
 * extents use the ceiling rule; a conv row whose name contains "DP" is split into one
 * single-channel layer per channel ({@code <name>Channel_<i>}); a GEMM row {@code name, M, N, K}
 * becomes a conv with ifmap M x K, filter 1 x K, 1 channel, N filters, stride 1.
 *
 * <p>Where SCALE-Sim would crash or silently misread, coex reads the row and warns: a row without
 * the trailing comma keeps its stride (SCALE-Sim loses it) but a 9-field row still drops its last
 * field as SCALE-Sim does; a blank 9th field means stride W = stride H; fields after the 9th are
 * ignored; rows of empty fields are skipped; a repeated layer name gets a suffix; a first line that
 * looks like a layer (a name, then whole numbers) is still the header, with a warning.
 */
public final class ScaleSimTopologies {
    private static final String[] CONV_COLUMNS = {"Layer name", "IFMAP Height", "IFMAP Width", "Filter Height",
        "Filter Width", "Channels", "Num Filter", "Strides", "Stride Width"};
    private static final String[] GEMM_COLUMNS = {"Layer name", "M", "N", "K"};

    private ScaleSimTopologies() {}

    /** @throws SpecException with file:line and the fix for every malformed row */
    public static ScaleSimTopology read(Path file, boolean gemm) {
        List<String> lines = InputFiles.readLines(file, "topology file", "check the path given with -t");
        String base = file.getFileName().toString();
        String name = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
        return parse(file.toString(), name, lines, gemm);
    }

    /** "gemm" for a header naming M, N, K; "conv" for one naming IFMAP Height; else "". */
    static String kindOfHeader(String header) {
        List<String> h = List.of(header.split(",", -1)).stream().map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        if (h.size() >= 4 && h.get(1).equals("m") && h.get(2).equals("n") && h.get(3).equals("k")) return "gemm";
        if (h.size() >= 2 && h.get(1).startsWith("ifmap")) return "conv";
        return "";
    }

    /** Whether a line has a name and then at least three fields, all whole numbers: a layer row, not a header. */
    static boolean looksLikeALayer(String line) {
        List<String> fields = List.of(line.split(",", -1)).stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
        return fields.size() >= 4 && fields.subList(1, fields.size()).stream().allMatch(f -> f.matches("\\d+"));
    }

    static ScaleSimTopology parse(String file, String name, List<String> lines, boolean gemm) {
        Problems problems = new Problems();
        List<String> warnings = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] columns = gemm ? GEMM_COLUMNS : CONV_COLUMNS;
        int required = gemm ? 4 : 8;
        String kind = kindOfHeader(lines.isEmpty() ? "" : lines.get(0));
        if (!gemm && kind.equals("gemm")) {
            throw new SpecException(new Problem(file, 1, "", "this is a GEMM topology (columns Layer, M, N, K): run it with -i gemm"));
        }
        if (gemm && kind.equals("conv")) {
            throw new SpecException(new Problem(file, 1, "", "this is a convolution topology (IFMAP Height, ...): run it without -i gemm"));
        }
        if (!lines.isEmpty() && looksLikeALayer(lines.get(0))) {
            warnings.add(file + ":1: the first line is read as the header, as SCALE-Sim reads it, but looks like a layer ('"
                    + lines.get(0).split(",", -1)[0].strip() + "'), which is not costed; put the header line first");
        }
        for (int i = 1; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
            if (fields.stream().allMatch(String::isBlank)) {
                warnings.add(file + ":" + n + ": row of empty fields skipped (SCALE-Sim would stop here)");
                continue;
            }
            String last = fields.get(fields.size() - 1);
            if (last.isBlank()) {
                fields.remove(fields.size() - 1);
            } else if (fields.size() > required) {
                fields.remove(fields.size() - 1);
                warnings.add(file + ":" + n + ": no trailing comma, so the last field ('" + last.strip()
                        + "') is dropped as SCALE-Sim drops it; end the row with a comma to keep it");
            } else {
                warnings.add(file + ":" + n + ": no trailing comma; coex keeps the last field but SCALE-Sim would drop it");
            }
            if (fields.size() < required) {
                problems.add(new Problem(file, n, "", "expected " + required + " fields (" + String.join(", ",
                        List.of(columns).subList(0, required)) + ") and a trailing comma, found " + fields.size()));
                continue;
            }
            if (fields.size() > (gemm ? 4 : 9) && fields.subList(gemm ? 4 : 9, fields.size()).stream().anyMatch(f -> !f.isBlank())) {
                warnings.add(file + ":" + n + ": fields after column " + (gemm ? 4 : 9) + " are ignored");
            }
            String layerName = fields.get(0).strip();
            if (layerName.isEmpty()) {
                problems.add(new Problem(file, n, columns[0], "empty layer name; give every row a name"));
                continue;
            }
            int[] v = new int[gemm ? 3 : 8];
            boolean ok = true;
            for (int c = 1; c < (gemm ? 4 : 8); c++) ok &= number(file, n, columns[c], fields.get(c), problems, v, c - 1);
            if (!gemm) {
                if (fields.size() > 8 && !fields.get(8).isBlank()) ok &= number(file, n, columns[8], fields.get(8), problems, v, 7);
                else v[7] = v[6];
            }
            if (!ok) continue;
            List<Layer> made;
            try {
                made = gemm ? List.of(gemmLayer(layerName, v)) : convLayers(file, n, layerName, v, problems);
            } catch (IllegalArgumentException e) {   // a row Layer refuses (too many MACs to count)
                problems.add(new Problem(file, n, "", e.getMessage()));
                continue;
            }
            for (Layer l : made) {
                int count = seen.merge(l.name(), 1, Integer::sum);
                if (count > 1) {
                    warnings.add(file + ":" + n + ": layer name '" + l.name() + "' repeats; called '" + l.name() + "_" + count + "'");
                    l = l.withName(l.name() + "_" + count);
                }
                layers.add(l);
            }
        }
        if (layers.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(file, lines.isEmpty() ? 0 : 1, "", "no layers: the first line is a header, then one row per layer"));
        }
        problems.throwIfAny();
        return new ScaleSimTopology(name, layers, warnings);
    }

    private static boolean number(String file, int line, String column, String text, Problems problems, int[] into, int at) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 1) {
                problems.add(new Problem(file, line, column, "must be >= 1 (found " + v + ")"));
                return false;
            }
            into[at] = v;
            return true;
        } catch (NumberFormatException e) {
            problems.add(new Problem(file, line, column, "must be a whole number (found '" + text.strip() + "')"));
            return false;
        }
    }

    /** v = ifmap h, ifmap w, filter h, filter w, channels, filters, stride h, stride w. */
    private static List<Layer> convLayers(String file, int line, String name, int[] v, Problems problems) {
        if (v[2] > v[0] || v[3] > v[1]) {
            problems.add(new Problem(file, line, "Filter Height", "filter " + v[2] + "x" + v[3]
                    + " is larger than the ifmap " + v[0] + "x" + v[1] + "; SCALE-Sim inputs are already padded, so pad the ifmap"));
            return List.of();
        }
        if (!name.contains("DP")) return List.of(conv(name, v, v[4]));
        List<Layer> split = new ArrayList<>(v[4]);
        for (int c = 0; c < v[4]; c++) split.add(conv(name + "Channel_" + c, v, 1));
        return split;
    }

    private static Layer conv(String name, int[] v, int channels) {
        return new Layer(name, 1, v[0], v[1], channels, v[5], v[2], v[3], v[6], v[7], 0, 0, 1, OutputRounding.CEIL);
    }

    /** v = M, N, K. */
    private static Layer gemmLayer(String name, int[] v) {
        return new Layer(name, 1, v[0], v[2], 1, v[1], 1, v[2], 1, 1, 0, 0, 1, OutputRounding.CEIL);
    }
}
