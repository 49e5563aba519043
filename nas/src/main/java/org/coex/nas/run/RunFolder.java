package org.coex.nas.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;
import org.coex.nas.train.SearchTrainer;

/**
 * How a search run may use its output folder, decided before any work starts, so that no run loses
 * another's work and no folder ends up holding files of two runs:
 * <ul>
 *   <li>without {@code --resume}, a folder that holds a run (a checkpoint, a log or a result) is
 *       refused, with the hint to continue it ({@code --resume}) or to start over ({@code --force},
 *       which deletes that run's files first);</li>
 *   <li>with {@code --resume} and no checkpoint, the run starts from epoch 0 and says so (leftovers
 *       of the earlier attempt are removed);</li>
 *   <li>with {@code --resume} and a checkpoint, the checkpoint's {@code settings.json} must equal this
 *       run's settings (everything its search depends on); the first that differs is named.</li>
 * </ul>
 */
public final class RunFolder {
    /** What a run writes into its output folder (with their {@code .old} twins of an interrupted replacement). */
    public static final List<String> RUN_FILES = List.of("checkpoint", "log.jsonl", "steps.jsonl", "result", "retrain");
    /** The checkpoint file that records a run's settings. */
    public static final String SETTINGS = "settings.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RunFolder() {}

    /**
     * @param settings every setting the run's search depends on (JSON-able values)
     * @param say      where the one-line notice goes when there is nothing to resume
     * @return whether to resume from {@code output/checkpoint}
     * @throws SpecException naming the folder, or the setting that differs, and what to do
     */
    public static boolean prepare(Path output, boolean resume, boolean force, Map<String, Object> settings, Consumer<String> say) {
        if (resume && force) throw SpecException.option("--force", "give --resume (continue the run) or --force (start over), not both");
        Path checkpoint = output.resolve("checkpoint");
        try {
            if (force) {
                deleteRun(output);
                return false;
            }
            boolean hasCheckpoint = SearchTrainer.hasCheckpoint(checkpoint);
            if (!resume) {
                if (holdsRun(output)) {
                    throw new SpecException(new Problem(output.toString(), 0, "output", "holds a run already" + (hasCheckpoint ? " (with a checkpoint)" : "")
                            + "; continue it with --resume, or start over with --force (deletes it), or choose another output"));
                }
                return false;
            }
            if (!hasCheckpoint) {
                if (holdsRun(output)) deleteRun(output);
                say.accept("nothing to resume in " + output + " (no checkpoint): starting from epoch 0");
                return false;
            }
            checkSettings(checkpoint, settings);
            for (String log : List.of("log.jsonl", "steps.jsonl")) JsonLines.read(output.resolve(log));   // damaged logs are named now, not after hours
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkpoint file recording {@code settings}, for {@link SearchTrainer#checkpoint(Path, Map)}'s extra files. */
    public static Map<String, byte[]> settingsFile(Map<String, Object> settings) {
        try {
            return Map.of(SETTINGS, JSON.writeValueAsBytes(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A checkpoint written before settings were recorded is taken as it is; one whose settings cannot be read is damaged. */
    private static void checkSettings(Path checkpoint, Map<String, Object> settings) {
        Path file = checkpoint.resolve(SETTINGS);
        if (!Files.isRegularFile(file)) return;
        JsonNode recorded;
        try {
            recorded = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new SpecException(new Problem(file.toString(), 0, "--resume", "the checkpoint is damaged (its settings cannot be read); start over with --force"));
        }
        JsonNode now;
        try {
            now = JSON.readTree(JSON.writeValueAsString(settings));   // through text, as the recorded one came: 1 as an int and as a long compare equal
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String differs = firstDifference("", recorded, now);
        if (differs != null) {
            throw new SpecException(new Problem(file.toString(), 0, "--resume", "the checkpoint was written with " + differs
                    + "; resume with the settings it was written with, or start over with --force"));
        }
    }

    /** "key X and this run has Y" for the first key (depth first, in this run's order) whose values differ; null when equal. */
    static String firstDifference(String path, JsonNode recorded, JsonNode now) {
        if (now.isObject() && recorded != null && recorded.isObject()) {
            for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                String d = firstDifference(path.isEmpty() ? k : path + "." + k, recorded.get(k), now.get(k));
                if (d != null) return d;
            }
            return null;
        }
        if (recorded != null && recorded.equals(now)) return null;
        return path + " " + (recorded == null ? "unset" : recorded) + " and this run has " + now;
    }

    private static boolean holdsRun(Path output) {
        return RUN_FILES.stream().anyMatch(f -> Files.exists(output.resolve(f)) || Files.exists(output.resolve(f + ".old")));
    }

    private static void deleteRun(Path output) throws IOException {
        for (String f : RUN_FILES) {
            for (Path p : List.of(output.resolve(f), output.resolve(f + ".old"))) {
                if (!Files.exists(p)) continue;
                try (Stream<Path> all = Files.walk(p)) {
                    for (Path q : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
                }
            }
        }
    }
}
