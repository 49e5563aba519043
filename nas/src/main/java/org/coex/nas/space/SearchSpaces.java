package org.coex.nas.space;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;
import org.coex.nas.data.DataFormat;
import org.coex.nas.data.DataShape;

/**
 * Reads search spaces from YAML (layout: docs/nas.md) and checks them: every key known, every size
 * at least 1, kernels odd, and no stride that would shrink the map below 1 x 1. The input's channels
 * and size and the class count may be {@code auto} (or left out): they then come from the data, and
 * a value given must agree with it.
 */
public final class SearchSpaces {
    private SearchSpaces() {}

    /**
     * The space in {@code file} for images of {@code data}'s shape (null: no data given; values stand
     * as written and {@code auto} means Fashion-MNIST's).
     *
     * @throws org.coex.accel.spec.SpecException listing every problem with its line
     */
    public static SearchSpace load(Path file, DataShape data) {
        return parse(YamlDocument.parse(file, InputFiles.readString(file, "search space", "check the path")), data);
    }

    /** The space in {@code file} as written, Fashion-MNIST's shape (1 x 28 x 28, 10 classes) where it says auto. */
    public static SearchSpace load(Path file) {
        return load(file, null);
    }

    /**
     * The built-in space for images of {@code data}'s shape: on Fashion-MNIST's shape it is
     * {@link SearchSpace#fashionMnistDefault()} itself; on another it is named after that shape
     * ("default-3x32x32-10", so reports do not call it Fashion-MNIST's).
     */
    public static SearchSpace builtIn(DataShape data) {
        SearchSpace d = SearchSpace.fashionMnistDefault();
        if (data.channels() == d.inputChannels() && data.rows() == d.inputSize() && data.classes() == d.classes()) return d;
        return new SearchSpace("default-" + data.channels() + "x" + data.rows() + "x" + data.rows() + "-" + data.classes(), data.channels(), data.rows(),
                d.stemChannels(), d.stemKernel(), d.stemStride(), d.stages(), d.kernels(), d.expansions(), d.skip(), d.headChannels(), data.classes());
    }

    /** Fashion-MNIST's shape: what {@code auto} means where no data is given. */
    public static final DataShape FASHION_MNIST = new DataShape(DataFormat.IDX, 1, 28, 28, 60_000, 10_000, DataShape.numbered(10));

    public static SearchSpace parse(YamlDocument doc) {
        return parse(doc, null);
    }

    public static SearchSpace parse(YamlDocument doc, DataShape data) {
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        root.allowOnly(List.of("name", "input", "stem", "stages", "ops", "head", "classes"));
        SearchSpace d = SearchSpace.fashionMnistDefault();
        String name = root.string("name", "search-space");
        SpecNode input = root.child("input");
        DataShape shape = data == null ? FASHION_MNIST : data;
        boolean autoInput = input.isMissing() || isAuto(input);
        if (!autoInput) input.allowOnly(List.of("channels", "size"));
        int inC = autoInput ? shape.channels() : fromData(input, "channels", shape.channels(), data);
        int inSize = autoInput ? shape.rows() : fromData(input, "size", shape.rows(), data);
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
            List<Integer> widths = widths(s);
            int n = s.integerAtLeast("layers", 1, 1);
            int st = s.integerAtLeast("stride", 1, 1);
            for (String k : List.of("channels", "layers")) if (!s.has(k)) s.missing(k, "missing '" + k + "'");
            if (st > size) s.problem("stride", "stride " + st + " would shrink the " + size + "x" + size + " map below 1x1; use at most " + size);
            size = (size + st - 1) / Math.max(1, st);
            if (!widths.isEmpty() && n >= 1 && st >= 1) stages.add(new Stage(widths, n, st));
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
        int classes = fromData(root, "classes", shape.classes(), data);
        problems.throwIfAny();
        return new SearchSpace(name, inC, inSize, stemC, stemK, stemS, root.has("stages") ? stages : d.stages(),
                kernels.isEmpty() ? d.kernels() : kernels, expansions.isEmpty() ? d.expansions() : expansions, skip, headC, classes);
    }

    /**
     * A stage's {@code channels}: one width, or a list of distinct widths the search chooses from
     * (empty when there is a problem, which is reported).
     */
    private static List<Integer> widths(SpecNode stage) {
        SpecNode c = stage.child("channels");
        if (!c.isList()) {
            int v = stage.integerAtLeast("channels", 1, 1);
            return stage.has("channels") && v >= 1 ? List.of(v) : List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (SpecNode w : c.elements()) {
            int v = w.asInt(1);
            if (v < 1) w.problem("widths must be >= 1 (found " + v + ")");
            else if (out.contains(v)) w.problem("width " + v + " is listed twice; list each width once");
            else out.add(v);
        }
        if (c.elements().isEmpty()) stage.problem("channels", "is an empty list; give one width or a list of widths to choose from, e.g. [16, 24, 32]");
        return out.size() == c.elements().size() ? out : List.of();
    }

    private static boolean isAuto(SpecNode n) {
        return "auto".equals(n.scalarText());
    }

    /** {@code key} of {@code node}: auto (or absent) is the data's value; a number must be it when there is data. */
    private static int fromData(SpecNode node, String key, int dataValue, DataShape data) {
        if (!node.has(key) || isAuto(node.child(key))) return dataValue;
        int v = node.integerAtLeast(key, dataValue, 1);
        if (data != null && node.child(key).scalar() instanceof Integer && v >= 1 && v != dataValue) {
            node.problem(key, v + " disagrees with the data (" + data.channels() + " x " + data.rows() + " x " + data.cols() + " images, "
                    + data.classes() + " classes); write " + dataValue + " or auto");
        }
        return v >= 1 ? v : dataValue;
    }

    private static int oddKernel(SpecNode node, String key, int fallback) {
        int v = node.integerAtLeast(key, fallback, 1);
        if (node.has(key) && v >= 1 && v % 2 == 0) node.problem(key, "must be odd (found " + v + ")");
        return v;
    }
}
