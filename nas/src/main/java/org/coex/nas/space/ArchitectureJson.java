package org.coex.nas.space;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;

/**
 * Architectures as JSON: {@code {"space": name, "fingerprint": ..., "layers": [{"layer": 0, "op": "mbconv_k3_e6"}, ...]}},
 * and in a space that searches widths {@code "stages": [{"stage": 0, "channels": 24}, ...]}.
 * Reading checks the fingerprint, every op name and every width against the space.
 */
public final class ArchitectureJson {
    private ArchitectureJson() {}

    public static byte[] write(Architecture a, SearchSpace space) throws IOException {
        List<Op> ops = a.ops(space);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("space", space.name());
        root.put("fingerprint", space.fingerprint());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("layer", i);
            l.put("op", ops.get(i).name());
            layers.add(l);
        }
        root.put("layers", layers);
        if (space.searchesWidth()) {
            List<Map<String, Object>> stages = new ArrayList<>();
            List<Integer> channels = a.stageChannels(space);
            for (int st = 0; st < channels.size(); st++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("stage", st);
                m.put("channels", channels.get(st));
                stages.add(m);
            }
            root.put("stages", stages);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    }

    /** @throws org.coex.accel.spec.SpecException naming the line of every problem */
    public static Architecture read(Path file, SearchSpace space) {
        Problems problems = new Problems();
        SpecNode root = YamlDocument.read(file).root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        root.allowOnly(List.of("space", "fingerprint", "layers", "stages"));
        String fp = root.string("fingerprint", "");
        if (!fp.equals(space.fingerprint())) {
            root.problem("fingerprint", "made for another search space (" + fp + "); this space is " + space.fingerprint()
                    + " (" + space.name() + ")");
        }
        List<SearchableLayer> layers = space.layers();
        List<SpecNode> items = root.child("layers").elements();
        if (items.size() != layers.size()) root.problem("layers", "has " + items.size() + " layers; the space has " + layers.size());
        List<Integer> choices = new ArrayList<>();
        for (int i = 0; i < Math.min(items.size(), layers.size()); i++) {
            String op = items.get(i).string("op", "");
            int idx = -1;
            for (int j = 0; j < layers.get(i).candidates().size(); j++) if (layers.get(i).candidates().get(j).name().equals(op)) idx = j;
            if (idx < 0) {
                items.get(i).problem("op", "'" + op + "' is not a candidate of layer " + i + "; candidates: "
                        + String.join(", ", layers.get(i).candidates().stream().map(Op::name).toList()));
            }
            choices.add(Math.max(idx, 0));
        }
        List<Integer> widths = space.searchesWidth() ? widths(root, space) : List.of();
        if (!space.searchesWidth() && root.has("stages")) root.problem("stages", "the space searches no width; remove 'stages'");
        problems.throwIfAny();
        return new Architecture(choices, widths);
    }

    /** The index of every stage's width, from {@code stages: [{stage, channels}]}. */
    private static List<Integer> widths(SpecNode root, SearchSpace space) {
        List<SpecNode> items = root.child("stages").elements();
        if (items.size() != space.stages().size()) {
            root.problem("stages", "has " + items.size() + " stages; the space has " + space.stages().size() + " (each {stage, channels})");
        }
        List<Integer> widths = new ArrayList<>();
        for (int s = 0; s < space.stages().size(); s++) {
            if (s >= items.size()) {
                widths.add(0);
                continue;
            }
            SpecNode item = items.get(s);
            item.allowOnly(List.of("stage", "channels"));
            List<Integer> options = space.stages().get(s).widths();
            int c = item.integerAtLeast("channels", options.get(0), 1);
            int idx = options.indexOf(c);
            if (idx < 0) item.problem("channels", c + " is not a width of stage " + s + "; widths: " + options);
            widths.add(Math.max(idx, 0));
        }
        return widths;
    }
}
