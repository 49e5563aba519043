package org.coex.nas.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;

/** A run's JSON-lines files (log.jsonl, steps.jsonl): one object per line; a damaged line is a user-facing problem, not a crash. */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {}

    /**
     * Every non-blank line as a map; none when the file does not exist.
     *
     * @throws SpecException naming the file and line when a line is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(Path file) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                out.add(JSON.readValue(lines.get(i), Map.class));
            } catch (JsonProcessingException e) {
                throw new SpecException(Problem.at(file, i + 1, "", "not a JSON line: the run's files are damaged; start over with --force, or choose another output"));
            }
        }
        return out;
    }
}
