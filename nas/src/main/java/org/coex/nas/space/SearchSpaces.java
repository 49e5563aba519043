package org.coex.nas.space;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;

/**
 * Reads search spaces from YAML (layout: docs/nas.md) and checks them: every key known, every size
 * at least 1, kernels odd, and no stride that would shrink the map below 1 x 1.
 */
public final class SearchSpaces {
    private SearchSpaces() {}

    /** @throws org.coex.accel.spec.SpecException listing every problem with its line */
    public static SearchSpace load(Path file) {
        return parse(YamlDocument.parse(file, InputFiles.readString(file, "search space", "check the path")));
    }

    public static SearchSpace parse(YamlDocument doc) {
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        root.allowOnly(List.of("name", "input", "stem", "stages", "ops", "head", "classes"));
        SearchSpace d = SearchSpace.fashionMnistDefault();
        String name = root.string("name", "search-space");
        SpecNode input = root.child("input");
        input.allowOnly(List.of("channels", "size"));
        int inC = input.integerAtLeast("channels", d.inputChannels(), 1);
        int inSize = input.integerAtLeast("size", d.inputSize(), 1);
        SpecNode stem = root.child("stem");
        stem.allowOnly(List.of("channels", "kernel", "stride"));
        int stemC = stem.integerAtLeast("channels", d.stemChannels(), 1);
        int stemK = oddKernel(stem, "kernel", d.stemKernel());
        int stemS = stem.integerAtLeast("stride", d.stemStride(), 1);
        int size = inSize;
        if (stemS > size) stem.problem("stride", "stride " + stemS + " would shrink the " + size + "x" + size + " input below 1x1; use at most " + size);
        size = (size + stemS - 1) / Math.max(1, stemS);
        List<Stage> stages = new ArrayList<>();
        List<SpecNode> stageNodes = root.child("stages").elements();
        if (stageNodes.isEmpty() && root.has("stages")) root.problem("stages", "give at least one stage {channels, layers, stride}");
        for (SpecNode s : stageNodes) {
            if (!s.expectObject()) continue;
            s.allowOnly(List.of("channels", "layers", "stride"));
            int c = s.integerAtLeast("channels", 1, 1);
            int n = s.integerAtLeast("layers", 1, 1);
            int st = s.integerAtLeast("stride", 1, 1);
            for (String k : List.of("channels", "layers")) if (!s.has(k)) s.problem("missing '" + k + "'");
            if (st > size) s.problem("stride", "stride " + st + " would shrink the " + size + "x" + size + " map below 1x1; use at most " + size);
            size = (size + st - 1) / Math.max(1, st);
            if (c >= 1 && n >= 1 && st >= 1) stages.add(new Stage(c, n, st));
        }
        SpecNode ops = root.child("ops");
        ops.allowOnly(List.of("kernels", "expansions", "skip"));
        List<Integer> kernels = new ArrayList<>();
        for (SpecNode k : ops.child("kernels").elements()) {
            int v = k.asInt(3);
            if (v < 1 || v % 2 == 0) k.problem("kernels must be odd and >= 1 (found " + v + ")");
            else if (!kernels.contains(v)) kernels.add(v);
        }
        List<Integer> expansions = new ArrayList<>();
        for (SpecNode e : ops.child("expansions").elements()) {
            int v = e.asInt(1);
            if (v < 1) e.problem("expansions must be >= 1 (found " + v + ")");
            else if (!expansions.contains(v)) expansions.add(v);
        }
        for (String key : List.of("kernels", "expansions")) {
            if (ops.has(key) && ops.child(key).isList() && ops.child(key).elements().isEmpty()) {
                ops.problem(key, "is empty; list at least one value, or leave the key out for the default " + (key.equals("kernels") ? d.kernels() : d.expansions()));
            }
        }
        boolean skip = ops.bool("skip", d.skip());
        SpecNode head = root.child("head");
        head.allowOnly(List.of("channels"));
        int headC = head.integerAtLeast("channels", d.headChannels(), 1);
        int classes = root.integerAtLeast("classes", d.classes(), 1);
        problems.throwIfAny();
        return new SearchSpace(name, inC, inSize, stemC, stemK, stemS, root.has("stages") ? stages : d.stages(),
                kernels.isEmpty() ? d.kernels() : kernels, expansions.isEmpty() ? d.expansions() : expansions, skip, headC, classes);
    }

    private static int oddKernel(SpecNode node, String key, int fallback) {
        int v = node.integerAtLeast(key, fallback, 1);
        if (node.has(key) && v >= 1 && v % 2 == 0) node.problem(key, "must be odd (found " + v + ")");
        return v;
    }
}
