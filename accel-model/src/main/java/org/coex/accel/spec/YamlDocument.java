package org.coex.accel.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML (or JSON) file together with the line of every key and list element, so that a
 * problem found after parsing can still name its line. Paths look like {@code space.rows[2]}.
 */
public final class YamlDocument {
    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Reads a YAML or JSON file (JSON when the name ends in {@code .json}).
     *
     * @throws SpecException if the file is missing, empty or not well-formed
     */
    public static YamlDocument read(Path file) {
        return parse(file, InputFiles.readString(file, "file", "check the path"));
    }

    /** Parses text that came from {@code file} (used for messages only). */
    public static YamlDocument parse(Path file, String text) {
        boolean json = file.toString().endsWith(".json");
        ObjectMapper mapper = json ? new JsonMapper() : new YAMLMapper();
        if (text.isBlank()) throw new SpecException(Problem.at(file, 0, "", "the file is empty; see examples/ for a template"));
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new SpecException(Problem.at(file, 0, "", "the file is empty; see examples/ for a template"));
            }
            Map<String, Integer> lines = new HashMap<>();
            Problems duplicates = new Problems();
            try (JsonParser p = (json ? mapper.getFactory() : new YAMLFactory()).createParser(text)) {
                p.nextToken();
                walk(p, "", lines, file, duplicates);
            }
            duplicates.throwIfAny();
            return new YamlDocument(file, root, lines);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            throw new SpecException(Problem.at(file, line, "", "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("syntax error")
                            .replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")));   // Jackson's "[Source: REDACTED ...]"
        } catch (IOException e) {
            throw new SpecException(Problem.at(file, 0, "", "cannot parse: " + e.getMessage()));
        }
    }

    /**
     * Records the line of every key and list element below the parser's current token. A key given
     * twice in one mapping is a problem (YAML parsers keep the last one silently).
     */
    private static void walk(JsonParser p, String path, Map<String, Integer> lines, Path file, Problems duplicates) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                Integer first = lines.put(child, line);
                if (first != null) {
                    duplicates.add(Problem.at(file, line, child, "'" + p.currentName() + "' is given twice (lines " + first + " and " + line + "); keep one"));
                }
                p.nextToken();
                walk(p, child, lines, file, duplicates);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String child = path + "[" + i++ + "]";
                lines.put(child, p.currentTokenLocation().getLineNr());
                walk(p, child, lines, file, duplicates);
            }
        }
    }

    public Path file() { return file; }

    /** The root as a checked node. */
    public SpecNode root(Problems problems) { return new SpecNode(this, root, "", problems); }

    /** The line of a key path, or of its nearest enclosing key, or 0. */
    public int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) return l;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 1;
    }
}
