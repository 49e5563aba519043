package org.coex.evaluator.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coex.accel.cost.Metrics;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;

/**
 * A dataset's {@code manifest.json} read with checks: well-formed JSON of format
 * {@code coex-cost-dataset/1} naming its template and technology (text), its design space (every
 * parameter a non-empty list of values), its objective weights (metric names, numbers >= 0) and its
 * limits ({@code metric}, {@code bound}); anything else is one problem per key, with the file and line.
 */
final class DatasetManifest {
    static final String FORMAT = "coex-cost-dataset/1";
    private static final String REMAKE = "make the dataset again with `coex evaluator generate`";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetManifest() {}

    /** @throws org.coex.accel.spec.SpecException listing every problem of the manifest in {@code dir} */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path dir) throws IOException {
        Path file = dir.resolve("manifest.json");
        String text = InputFiles.readString(file, "dataset manifest", REMAKE);
        Problems problems = new Problems();
        SpecNode root = YamlDocument.parse(file, text).root(problems);
        if (root.expectObject()) {
            String format = root.string("format", "");
            if (!format.equals(FORMAT)) root.problem("format", "'" + format + "' is not " + FORMAT + ", the format coex reads; " + REMAKE);
            root.requiredString("template", REMAKE);
            root.requiredString("technology", REMAKE);
            designSpace(root, root.child("design_space"));
            objectiveWeights(root, root.child("objective_weights"));
            limits(root, root.child("limits"));
        }
        problems.throwIfAny();
        return JSON.readValue(text, Map.class);
    }

    private static void designSpace(SpecNode root, SpecNode space) {
        if (space.isMissing()) root.missing("design_space", "missing key 'design_space'; " + REMAKE);
        else if (space.expectObject()) {
            for (String p : space.keys()) {
                SpecNode values = space.child(p);
                if (!values.isList() || values.elements().isEmpty()) values.problem("must be a non-empty list of values (found " + values.describe() + "); " + REMAKE);
            }
        }
    }

    private static void objectiveWeights(SpecNode root, SpecNode weights) {
        if (weights.isMissing()) root.missing("objective_weights", "missing key 'objective_weights'; " + REMAKE);
        else if (weights.expectObject()) {
            for (String m : weights.keys()) {
                if (Metrics.Name.parse(m).isEmpty()) weights.problem(m, "'" + m + "' is not a metric coex knows; " + REMAKE);
                else weights.numberAtLeast(m, 0, 0);
            }
        }
    }

    private static void limits(SpecNode root, SpecNode limits) {
        if (limits.isMissing()) root.missing("limits", "missing key 'limits' ([] when there are none); " + REMAKE);
        else if (!limits.isList()) limits.problem("must be a list of {metric, bound} (found " + limits.describe() + "); " + REMAKE);
        else {
            for (SpecNode l : limits.elements()) {
                if (!l.expectObject()) continue;
                String metric = l.requiredString("metric", REMAKE).orElse("");
                if (!metric.isEmpty() && Metrics.Name.parse(metric).isEmpty()) l.problem("metric", "'" + metric + "' is not a metric coex knows; " + REMAKE);
                if (!l.has("bound")) l.missing("bound", "missing key 'bound'; " + REMAKE);
                else l.number("bound", 0);
            }
        }
    }
}
