package org.coex.accel.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A node of a {@link YamlDocument} read with checks: every wrong type, missing key or unknown key
 * is recorded in the shared {@link Problems} with the file, line and key path, and a neutral value
 * is returned so that checking can go on and report every problem at once.
 */
public final class SpecNode {
    private final YamlDocument doc;
    private final JsonNode node;
    private final String path;
    private final Problems problems;

    SpecNode(YamlDocument doc, JsonNode node, String path, Problems problems) {
        this.doc = doc;
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public String path() { return path; }

    /** The 1-based line of this node in its file, or 0 when not known. */
    public int line() { return doc.lineOf(path); }

    public boolean isMissing() { return node.isMissingNode() || node.isNull(); }

    public boolean isObject() { return node.isObject(); }

    public boolean isList() { return node.isArray(); }

    public boolean has(String key) { return node.has(key) && !node.get(key).isNull(); }

    /** Records a problem at this node. */
    public void problem(String message) {
        problems.add(Problem.at(doc.file(), doc.lineOf(path), path, message));
    }

    /** Records a problem found elsewhere (e.g. in a file this node names), as it is. */
    public void report(Problem p) { problems.add(p); }

    /** Records a problem at a key below this node. */
    public void problem(String key, String message) { child(key).problem(message); }

    public SpecNode child(String key) {
        JsonNode c = node.isObject() && node.has(key) ? node.get(key) : MissingNode.getInstance();
        return new SpecNode(doc, c, path.isEmpty() ? key : path + "." + key, problems);
    }

    /**
     * Reports keys of this mapping that are not in {@code known}, suggesting the closest known key;
     * a list or a single value where this mapping belongs is a problem too (absent is fine).
     */
    public void allowOnly(Collection<String> known) {
        if (!expectObject()) return;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                Optional<String> meant = closest(k, known);
                meant.ifPresent(c -> problems.noteMisspelling(child(c).path));
                String hint = meant.map(c -> "did you mean '" + c + "'?").orElse("known keys: " + String.join(", ", known));
                child(k).problem("unknown key '" + k + "'; " + hint);
            }
        }
    }

    /** Keys of this mapping, in file order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        if (node.isObject()) node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Checks that this node is a mapping; records a problem otherwise. */
    public boolean expectObject() {
        if (node.isObject()) return true;
        if (!isMissing()) problem("must be a mapping of keys to values (found " + describe() + ")");
        return false;
    }

    public String string(String key, String fallback) {
        SpecNode c = child(key);
        if (c.isMissing()) return fallback;
        if (!c.node.isValueNode() || c.node.isBoolean()) {
            c.problem("must be text (found " + c.describe() + ")");
            return fallback;
        }
        return c.node.asText();
    }

    /**
     * Records {@code message} at this node for its absent {@code key}, unless an unknown key here was
     * already reported as a misspelling of it: one mistake, one line.
     */
    public void missing(String key, String message) {
        if (!problems.isMisspelt(child(key).path)) problem(message);
    }

    public Optional<String> requiredString(String key, String fix) {
        if (!has(key)) {
            missing(key, "missing key '" + key + "'; " + fix);
            return Optional.empty();
        }
        return Optional.ofNullable(string(key, null));
    }

    public int integer(String key, int fallback) {
        SpecNode c = child(key);
        return c.isMissing() ? fallback : c.asInt(fallback);
    }

    public long longValue(String key, long fallback) {
        SpecNode c = child(key);
        if (c.isMissing()) return fallback;
        if (c.node.canConvertToLong() && c.node.isIntegralNumber()) return c.node.asLong();
        c.problem("must be a whole number (found " + c.describe() + ")");
        return fallback;
    }

    /**
     * An integer that must be at least {@code min}. Every range-checked reader here returns the
     * fallback (a valid value) after recording a problem, so that nothing built from the values
     * before the problems are reported can fail on an out-of-range one.
     */
    public int integerAtLeast(String key, int fallback, int min) { return (int) atLeast(key, integer(key, fallback), fallback, min); }

    /** A whole number that must be at least {@code min} (fallback after a problem). */
    public long longAtLeast(String key, long fallback, long min) { return atLeast(key, longValue(key, fallback), fallback, min); }

    private long atLeast(String key, long v, long fallback, long min) {
        if (has(key) && v < min && child(key).node.isIntegralNumber()) {
            child(key).problem("must be >= " + min + " (found " + v + ")");
            return fallback;
        }
        return v;
    }

    /** A finite number (YAML's .nan and .inf are refused). */
    public double number(String key, double fallback) {
        SpecNode c = child(key);
        if (c.isMissing()) return fallback;
        if (c.node.isNumber() && Double.isFinite(c.node.asDouble())) return c.node.asDouble();
        c.problem("must be a number (found " + c.describe() + ")");
        return fallback;
    }

    /** A finite number >= {@code min} (fallback after a problem). */
    public double numberAtLeast(String key, double fallback, double min) {
        return inRange(key, fallback, v -> v >= min, "must be >= " + plain(min));
    }

    /**
     * A required finite number >= {@code min} at {@code key}: absent, {@code missingMessage} is recorded
     * ({@link #missing}, so not after a misspelling of it); 0 after any problem.
     */
    public double requiredNumberAtLeast(String key, double min, String missingMessage) {
        if (has(key)) return numberAtLeast(key, 0, min);
        missing(key, missingMessage);
        return 0;
    }

    /** This node's value when it is a number, without recording anything otherwise (the caller names the rule). */
    public Optional<Number> quietNumber() { return node.isNumber() ? Optional.of(node.numberValue()) : Optional.empty(); }

    /** A finite number > 0 (fallback after a problem). */
    public double positive(String key, double fallback) {
        return inRange(key, fallback, v -> v > 0, "must be > 0");
    }

    /** A finite number > {@code min} (fallback after a problem). */
    public double numberAbove(String key, double fallback, double min) {
        return inRange(key, fallback, v -> v > min, "must be > " + plain(min));
    }

    /** A number in [0, 1) (fallback after a problem). */
    public double fraction(String key, double fallback) {
        return inRange(key, fallback, v -> v >= 0 && v < 1, "must be in [0, 1)");
    }

    private double inRange(String key, double fallback, java.util.function.DoublePredicate ok, String rule) {
        if (!has(key)) return fallback;
        SpecNode c = child(key);
        if (!c.node.isNumber() || !Double.isFinite(c.node.asDouble())) return number(key, fallback);
        double v = c.node.asDouble();
        if (ok.test(v)) return v;
        c.problem(rule + " (found " + c.describe() + ")");
        return fallback;
    }

    private static String plain(double v) { return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v); }

    public boolean bool(String key, boolean fallback) {
        SpecNode c = child(key);
        if (c.isMissing()) return fallback;
        if (c.node.isBoolean()) return c.node.asBoolean();
        c.problem("must be true or false (found " + c.describe() + ")");
        return fallback;
    }

    /** This node as an integer; records a problem and returns the fallback if it is not one. */
    public int asInt(int fallback) {
        if (node.isIntegralNumber() && node.canConvertToInt()) return node.asInt();
        problem("must be a whole number (found " + describe() + ")");
        return fallback;
    }

    /** This node as a number; records a problem and returns the fallback if it is not one. */
    public double asNumber(double fallback) {
        if (node.isNumber()) return node.asDouble();
        problem("must be a number (found " + describe() + ")");
        return fallback;
    }

    /** The text of a text value, or null for anything else. */
    public String scalarText() { return node.isTextual() ? node.asText() : null; }

    /** A scalar as Integer, Double, Boolean or String; null (with a problem) for lists and mappings. */
    public Object scalar() {
        if (node.isIntegralNumber() && node.canConvertToInt()) return node.asInt();
        if (node.isNumber()) return node.asDouble();
        if (node.isBoolean()) return node.asBoolean();
        if (node.isTextual()) return node.asText();
        problem("must be a single value (found " + describe() + ")");
        return null;
    }

    /** The elements of a list (a single scalar counts as a list of one). */
    public List<SpecNode> elements() {
        List<SpecNode> out = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) out.add(new SpecNode(doc, node.get(i), path + "[" + i + "]", problems));
        } else if (!isMissing()) {
            out.add(this);
        }
        return out;
    }

    /** A short description of the value for messages: {@code "abc"}, {@code 12}, {@code a list}. */
    public String describe() {
        if (node.isTextual()) return "\"" + node.asText() + "\"";
        if (node.isArray()) return "a list";
        if (node.isObject()) return "a mapping";
        if (isMissing()) return "nothing";
        return node.asText();
    }

    /** The known word closest to {@code word} by edit distance, if it is close enough to be a typo. */
    public static Optional<String> closest(String word, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> editDistance(word.toLowerCase(), k.toLowerCase())))
                .filter(k -> editDistance(word.toLowerCase(), k.toLowerCase()) <= Math.max(2, k.length() / 3));
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
