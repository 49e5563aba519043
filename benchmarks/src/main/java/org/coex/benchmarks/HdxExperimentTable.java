package org.coex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.Op;
import org.coex.nas.space.SearchSpace;

/**
 * Issue 6's experiment as one table: reads every run under the given {@code coex compare} output
 * folders (their {@code result/result.json}), groups the runs by limit set, and prints, per limit
 * set, each method's outcome under the true cost model (limits met, retrained test accuracy,
 * objective value), the accuracy of {@code hdx} minus that of the best {@code soft} run that met the
 * same limits, and {@code hdx} against {@code sequential}; then a summary of the three claims
 * (hdx meets every limit set; soft with a fixed lambda misses some; hdx within 0.5 points of the
 * best feasible soft run). With {@code --retrained DIR} the accuracy of each run is instead that of
 * its architecture in a {@code coex nas train} output under DIR ({@code DIR/<any>/result/result.json},
 * trained in the built-in default space, which the experiment's spec uses); a run whose architecture
 * was not retrained there shows no accuracy. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.coex.benchmarks.HdxExperimentTable [--retrained DIR] COMPARE_DIR...}
 */
public final class HdxExperimentTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HdxExperimentTable() {}

    /** One finished run: its method label ("hdx", "soft lambda 1", "sequential"), limits met, accuracy and objective value under the truth. */
    record Run(String label, boolean met, double accuracy, double objective, boolean repaired) {
        Run withAccuracy(double other) { return new Run(label, met, other, objective, repaired); }
    }

    public static void main(String[] args) throws IOException {
        Map<String, Map<String, Run>> bySetting = new TreeMap<>();
        List<String> dirs = new ArrayList<>(List.of(args));
        Map<String, Double> retrained = null;
        int flag = dirs.indexOf("--retrained");
        if (flag >= 0) {
            if (flag + 1 >= dirs.size()) {
                System.err.println("--retrained needs a folder of coex nas train outputs: --retrained DIR COMPARE_DIR...");
                System.exit(2);
            }
            retrained = retrainedAccuracy(Path.of(dirs.get(flag + 1)));
            dirs.subList(flag, flag + 2).clear();
        }
        for (String dir : dirs) {
            for (Path run : runFolders(Path.of(dir))) {
                JsonNode r = JSON.readTree(run.resolve("result/result.json").toFile());
                Run outcome = run(r, run);
                if (retrained != null) outcome = outcome.withAccuracy(retrained.getOrDefault(r.get("architecture").toString(), Double.NaN));
                bySetting.computeIfAbsent(setting(r), k -> new TreeMap<>()).put(label(r, run), outcome);
            }
        }
        List<String> labels = bySetting.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        StringBuilder b = new StringBuilder("| limits | ");
        for (String l : labels) b.append(l).append(" | ");
        b.append("hdx minus best feasible soft (points) |\n|---|");
        b.append("---|".repeat(labels.size() + 1)).append('\n');
        List<Double> gaps = new ArrayList<>();
        for (var e : bySetting.entrySet()) {
            b.append("| ").append(e.getKey()).append(" | ");
            for (String l : labels) {
                Run r = e.getValue().get(l);
                b.append(r == null ? "" : String.format(Locale.ROOT, "%s, %s, %.2f", r.met() ? (r.repaired() ? "met (repaired)" : "met") : "**missed**",
                        Double.isNaN(r.accuracy()) ? "no accuracy" : String.format(Locale.ROOT, "%.2f %%", 100 * r.accuracy()), r.objective())).append(" | ");
            }
            Run hdx = e.getValue().get("hdx");
            List<Run> feasibleSoft = e.getValue().values().stream().filter(r -> r.label().startsWith("soft") && r.met()).toList();
            String gapCell;
            if (hdx == null || feasibleSoft.isEmpty()) {
                gapCell = "no soft run met them";
            } else if (Double.isNaN(hdx.accuracy()) || feasibleSoft.stream().anyMatch(r -> Double.isNaN(r.accuracy()))) {
                gapCell = "an accuracy is missing";
            } else {
                double gap = 100 * (hdx.accuracy() - feasibleSoft.stream().mapToDouble(Run::accuracy).max().orElseThrow());
                gaps.add(gap);
                gapCell = String.format(Locale.ROOT, "%+.2f", gap);
            }
            b.append(gapCell).append(" |\n");
        }
        b.append("\nCells: limits met under the true cost model, test accuracy after retraining, objective under the true cost model.\n\n");
        for (String l : labels) {
            long met = bySetting.values().stream().filter(m -> m.containsKey(l) && m.get(l).met()).count();
            long runs = bySetting.values().stream().filter(m -> m.containsKey(l)).count();
            b.append(String.format(Locale.ROOT, "- %s: limits met in %d of %d settings%n", l, met, runs));
        }
        long within = gaps.stream().filter(g -> g >= -0.5).count();
        b.append(String.format(Locale.ROOT, "- hdx within 0.5 points of (or above) the best feasible soft run: %d of %d settings that have one%n", within, gaps.size()));
        System.out.print(b);
    }

    /** The subfolders of {@code dir} that hold a {@code result/result.json}, sorted. */
    private static List<Path> runFolders(Path dir) throws IOException {
        try (Stream<Path> runs = Files.list(dir)) {
            return runs.filter(run -> Files.isRegularFile(run.resolve("result/result.json"))).sorted().toList();
        }
    }

    /** Test accuracy by architecture (its JSON list of op names) over the {@code coex nas train} outputs under {@code dir}. */
    private static Map<String, Double> retrainedAccuracy(Path dir) throws IOException {
        Map<String, Double> byArchitecture = new TreeMap<>();
        SearchSpace space = SearchSpace.fashionMnistDefault();
        for (Path run : runFolders(dir)) {
            JsonNode r = JSON.readTree(run.resolve("result/result.json").toFile());
            List<Integer> choices = new ArrayList<>();
            r.get("architecture").forEach(c -> choices.add(c.asInt()));
            List<String> names = new Architecture(choices).ops(space).stream().map(Op::name).toList();
            byArchitecture.put(JSON.valueToTree(names).toString(), r.get("test_accuracy").asDouble());
        }
        return byArchitecture;
    }

    /** The run's limits, e.g. "area_mm2 <= 0.35, latency_ms <= 0.015". */
    private static String setting(JsonNode r) {
        List<String> parts = new ArrayList<>();
        for (JsonNode c : r.get("constraints")) parts.add(c.get("metric").asText() + " <= " + c.get("bound").asText());
        return String.join(", ", parts.stream().sorted().toList());
    }

    /** hdx and sequential by name; soft with its lambda (from result.json, or the comparison's folder name). */
    private static String label(JsonNode r, Path run) {
        String method = r.get("method").asText();
        if (!method.equals("soft")) return method;
        String lambda = r.has("lambda") ? r.get("lambda").asText() : run.getFileName().toString().replaceAll(".*-lambda_([^-]+)-.*", "$1");
        return "soft lambda " + lambda.replaceAll("\\.0$", "");
    }

    private static Run run(JsonNode r, Path run) {
        String metric = r.has("objective") ? r.get("objective").fieldNames().next() : "energy_uj";
        JsonNode accuracy = r.get("test_accuracy");
        return new Run(label(r, run), r.get("feasible").asBoolean(), accuracy == null || accuracy.isNull() ? Double.NaN : accuracy.asDouble(),
                r.get("true").get(metric).asDouble(), r.get("repaired").asBoolean());
    }
}
