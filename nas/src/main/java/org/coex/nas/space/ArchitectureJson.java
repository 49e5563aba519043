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
 * Architectures as JSON: {@code {"space": name, "fingerprint": ..., "layers": [{"layer": 0, "op": "mbconv_k3_e6"}, ...]}}.
 * Reading checks the fingerprint and every op name against the space.
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
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    }

    /** @throws org.coex.accel.spec.SpecException naming the line of every problem */
    public static Architecture read(Path file, SearchSpace space) {
        Problems problems = new Problems();
        SpecNode root = YamlDocument.read(file).root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        root.allowOnly(List.of("space", "fingerprint", "layers"));
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
        problems.throwIfAny();
        return new Architecture(choices);
    }
}
