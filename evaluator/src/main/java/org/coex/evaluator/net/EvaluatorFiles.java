package org.coex.evaluator.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ai.djl.MalformedModelException;
import org.coex.accel.space.Parameter;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;
import org.coex.evaluator.cube.CostCube;

/**
 * A trained {@link LearnedEvaluator} on disk: {@code generator.params} and {@code estimator.params}
 * (DJL's parameter format) and {@code evaluator.json} (hidden widths, target scaling, and what it was
 * trained for: search-space fingerprint and encoding, template, technology, design space). Loading
 * it for a different cube is a one-line error naming what differs.
 */
public final class EvaluatorFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluatorFiles() {}

    /** @param firstHeldOut index of the first dataset sample not trained on (the report's test set starts there) */
    public static Map<String, byte[]> files(LearnedEvaluator ev, CostCube.Key key, int[] hidden, int firstHeldOut) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("generator.params", params(ev.generator()));
        out.put("estimator.params", params(ev.estimator()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "coex-evaluator/1");
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

    /** @throws SpecException (one problem) if the folder holds an evaluator for other spaces */
    @SuppressWarnings("unchecked")
    public static LearnedEvaluator load(Path dir, CostCube.Key key) throws IOException {
        Path json = dir.resolve("evaluator.json");
        if (!Files.isRegularFile(json)) throw new SpecException(new Problem(json.toString(), 0, "evaluator", "no trained evaluator here; train one with `coex evaluator train`"));
        Map<String, Object> m = JSON.readValue(json.toFile(), Map.class);
        Map<String, Object> trainedFor = (Map<String, Object>) m.get("trained_for");
        Map<String, Object> wanted = JSON.convertValue(describe(key), Map.class);
        for (String k : wanted.keySet()) {
            if (!wanted.get(k).equals(trainedFor.get(k))) {
                throw new SpecException(new Problem(json.toString(), 0, k, "the evaluator was trained for " + k + " " + trainedFor.get(k) + ", this run has "
                        + wanted.get(k) + "; train one for these spaces with `coex evaluator generate` and `coex evaluator train`"));
            }
        }
        int[] hidden = ((List<Integer>) m.get("hidden")).stream().mapToInt(Integer::intValue).toArray();
        LearnedEvaluator ev = new LearnedEvaluator(key.encoding(), new HardwareLayout(key.designSpace()),
                new LearnedEvaluator.Scaling(doubles(m.get("log_mean")), doubles(m.get("log_std"))), hidden);
        try (DataInputStream g = new DataInputStream(Files.newInputStream(dir.resolve("generator.params")));
             DataInputStream e = new DataInputStream(Files.newInputStream(dir.resolve("estimator.params")))) {
            ev.generator().loadParameters(ev.manager(), g);
            ev.estimator().loadParameters(ev.manager(), e);
        } catch (MalformedModelException ex) {
            throw new IOException("damaged parameters in " + dir + ": " + ex.getMessage(), ex);
        }
        return ev;
    }

    /** The index of the first held-out sample of the dataset the evaluator in {@code dir} was trained on. */
    public static int firstHeldOut(Path dir) throws IOException {
        return ((Number) JSON.readValue(dir.resolve("evaluator.json").toFile(), Map.class).get("first_held_out_sample")).intValue();
    }

    private static byte[] params(ai.djl.nn.Block b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            b.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static double[] doubles(Object o) {
        return ((List<Number>) o).stream().mapToDouble(Number::doubleValue).toArray();
    }
}
