package org.coex.evaluator.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.coex.accel.space.Parameter;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;
import org.coex.evaluator.api.Evaluator;
import org.coex.evaluator.cube.CostCube;

/**
 * A trained {@link LearnedEvaluator} on disk: {@code generator.params} and {@code estimator.params}
 * (DJL's parameter format) and {@code evaluator.json} (hidden widths, target scaling, and what it was
 * trained for: search-space fingerprint and encoding, template, technology, design space). Loading
 * it for a different cube is a one-line error naming what differs.
 */
public final class EvaluatorFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FORMAT = "coex-evaluator/1";

    private EvaluatorFiles() {}

    /** @param firstHeldOut index of the first dataset sample not trained on (the report's test set starts there) */
    public static Map<String, byte[]> files(LearnedEvaluator ev, CostCube.Key key, int[] hidden, int firstHeldOut) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("generator.params", params(ev.generator()));
        out.put("estimator.params", params(ev.estimator()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("trained_for", describe(key));
        m.put("hidden", hidden);
        m.put("first_held_out_sample", firstHeldOut);
        m.put("log_mean", ev.scaling().logMean());
        m.put("log_std", ev.scaling().logStd());
        out.put("evaluator.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        return out;
    }

    /** What a cube key says, as JSON-ready values; equal keys, equal descriptions. */
    public static Map<String, Object> describe(CostCube.Key key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search_space_fingerprint", key.spaceFingerprint());
        m.put("candidates_per_layer", key.encoding().candidatesPerLayer());
        if (key.encoding().searchesWidth()) m.put("widths_per_stage", key.encoding().widthsPerStage());
        m.put("template", key.template());
        m.put("technology", key.technology());
        Map<String, Object> space = new LinkedHashMap<>();
        for (Parameter p : key.designSpace().parameters()) space.put(p.name(), p.values().stream().map(String::valueOf).toList());
        m.put("design_space", space);
        return m;
    }

    /** Hidden widths above this are not an evaluator coex wrote (256 by default): refused before any memory is asked for. */
    static final int MAX_HIDDEN = 16_384;
    private static final String RETRAIN = "train the evaluator again with `coex evaluator train` (or delete the folder for `coex search` to make one)";

    /**
     * A trained evaluator for {@code key}'s spaces, its {@code evaluator.json} checked key by key and its
     * parameters loaded (a missing, cut or foreign parameter file is one problem naming it).
     *
     * @throws SpecException (one problem per key) if the folder holds an evaluator for other spaces, or a damaged one
     */
    @SuppressWarnings("unchecked")
    public static LearnedEvaluator load(Path dir, CostCube.Key key) throws IOException {
        Path json = dir.resolve("evaluator.json");
        if (!Files.isRegularFile(json)) throw new SpecException(new Problem(json.toString(), 0, "evaluator", "no trained evaluator here; train one with `coex evaluator train`"));
        Settings settings = settings(json);
        Map<String, Object> trainedFor = settings.trainedFor();
        Map<String, Object> wanted = JSON.convertValue(describe(key), Map.class);
        for (String k : wanted.keySet()) {
            if (!wanted.get(k).equals(trainedFor.get(k))) {
                throw new SpecException(new Problem(json.toString(), 0, k, "the evaluator was trained for " + k + " " + trainedFor.get(k) + ", this run has "
                        + wanted.get(k) + "; train one for these spaces with `coex evaluator generate` and `coex evaluator train`"));
            }
        }
        LearnedEvaluator ev = new LearnedEvaluator(key.encoding(), new HardwareLayout(key.designSpace()),
                new LearnedEvaluator.Scaling(settings.logMean(), settings.logStd()), settings.hidden());
        try {
            loadParameters(ev, ev.generator(), dir.resolve("generator.params"));
            loadParameters(ev, ev.estimator(), dir.resolve("estimator.params"));
            if (!finiteOnTheUniformMixture(ev)) {
                throw new SpecException(new Problem(dir.toString(), 0, "evaluator",
                        "its predictions for the uniform architecture mixture are not finite (damaged parameters?); " + RETRAIN));
            }
        } catch (SpecException e) {
            ev.close();
            throw e;
        }
        return ev;
    }

    /** Whether latency, energy and area predicted for every layer's and stage's choices weighted equally are finite numbers. */
    private static boolean finiteOnTheUniformMixture(LearnedEvaluator ev) {
        float[] p = new float[ev.encoding().length()];
        int at = 0;
        for (int n : ev.encoding().blocks()) for (int i = 0; i < n; i++) p[at++] = 1f / n;
        try (NDManager scope = ev.manager().newSubManager()) {
            Evaluator.Prediction out = ev.forward(scope.create(p, new Shape(1, p.length)));
            return Stream.of(out.latencyMs(), out.energyUj(), out.areaMm2()).allMatch(EvaluatorFiles::finite);
        }
    }

    private static boolean finite(NDArray a) { return !a.isNaN().any().getBoolean() && !a.isInfinite().any().getBoolean(); }

    /** What evaluator.json says: what the evaluator was trained for, its widths, first held-out sample and target scaling. */
    private record Settings(Map<String, Object> trainedFor, int[] hidden, int firstHeldOut, double[] logMean, double[] logStd) {}

    /** evaluator.json checked: well-formed, this format, hidden widths, held-out index, three log means and positive log deviations. */
    @SuppressWarnings("unchecked")
    private static Settings settings(Path json) throws IOException {
        String text = InputFiles.readString(json, "evaluator file", "check the evaluator folder");
        Problems problems = new Problems();
        SpecNode root = YamlDocument.parse(json, text).root(problems);
        int[] hidden = {};
        double[] mean = {};
        double[] std = {};
        int firstHeldOut = 0;
        if (root.expectObject()) {
            String format = root.string("format", "");
            if (!format.equals(FORMAT)) root.problem("format", "'" + format + "' is not " + FORMAT + ", the format coex reads; " + RETRAIN);
            if (!root.child("trained_for").isObject()) root.problem("trained_for", "must be a mapping (found " + root.child("trained_for").describe() + "); " + RETRAIN);
            hidden = root.child("hidden").elements().stream().mapToInt(h -> h.quietNumber().filter(n -> n instanceof Integer).map(Number::intValue).orElse(0)).toArray();
            if (!root.child("hidden").isList() || hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1 || h > MAX_HIDDEN)) {
                root.problem("hidden", "must list the hidden widths, each 1 to " + MAX_HIDDEN + " (found " + root.child("hidden").describe() + "); " + RETRAIN);
            }
            firstHeldOut = root.integerAtLeast("first_held_out_sample", 0, 0);
            mean = numbers(root, "log_mean", false);
            std = numbers(root, "log_std", true);
        }
        problems.throwIfAny();
        Map<String, Object> trainedFor = (Map<String, Object>) JSON.readValue(text, Map.class).get("trained_for");
        return new Settings(trainedFor, hidden, firstHeldOut, mean, std);
    }

    /** One finite number per metric (latency, energy, area) at {@code key}; above 0 when {@code positive}. */
    private static double[] numbers(SpecNode root, String key, boolean positive) {
        SpecNode list = root.child(key);
        double[] out = list.elements().stream().mapToDouble(e -> e.quietNumber().map(Number::doubleValue).orElse(Double.NaN)).toArray();
        if (!list.isList() || out.length != 3 || Arrays.stream(out).anyMatch(v -> !Double.isFinite(v) || (positive && v <= 0))) {
            root.problem(key, "must list three finite numbers" + (positive ? " above 0" : "") + " (latency, energy, area; found " + list.describe() + "); " + RETRAIN);
        }
        return out;
    }

    /**
     * Loads {@code file} into {@code block} (initialized, so its parameters have their shapes): the file
     * must hold exactly those parameters, of those shapes, every value finite.
     */
    private static void loadParameters(LearnedEvaluator ev, Block block, Path file) {
        if (!Files.isRegularFile(file)) throw new SpecException(new Problem(file.toString(), 0, "evaluator", "missing; " + RETRAIN));
        Map<String, Shape> shapes = shapes(block);
        String wrong;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            block.loadParameters(ev.manager(), in);
            wrong = in.read() != -1 ? "it holds more than this evaluator's parameters"
                    : !shapes(block).equals(shapes) ? "its parameters have other shapes than evaluator.json's hidden widths give"
                    : notFinite(block) ? "a parameter is NaN or infinite" : null;
        } catch (EOFException e) {
            wrong = "the file ends before its last parameter";
        } catch (IOException | MalformedModelException | RuntimeException e) {   // another network's, or bytes DJL cannot read
            wrong = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        }
        if (wrong != null) throw new SpecException(new Problem(file.toString(), 0, "evaluator", "damaged or not this evaluator's parameters (" + wrong + "); " + RETRAIN));
    }

    private static Map<String, Shape> shapes(Block block) {
        Map<String, Shape> out = new LinkedHashMap<>();
        block.getParameters().forEach(p -> out.put(p.getKey(), p.getValue().getArray().getShape()));
        return out;
    }

    private static boolean notFinite(Block block) {
        return block.getParameters().values().stream().anyMatch(p -> !finite(p.getArray()));
    }

    /** The index of the first held-out sample of the dataset the evaluator in {@code dir} was trained on. */
    public static int firstHeldOut(Path dir) throws IOException {
        return settings(dir.resolve("evaluator.json")).firstHeldOut();
    }

    private static byte[] params(Block b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            b.saveParameters(out);
        }
        return bytes.toByteArray();
    }

}
