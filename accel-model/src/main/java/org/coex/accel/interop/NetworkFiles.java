package org.coex.accel.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.Network;
import org.coex.accel.workload.NetworkZoo;
import org.coex.accel.workload.OutputRounding;

/**
 * Networks from files: coex's own YAML/JSON layout (docs/networks.md), SCALE-Sim topology CSVs,
 * Timeloop CNN_Layer problem files, or a zoo name. In the YAML layout a layer without {@code input: [h, w, c]} reads the previous
 * layer's output (or the network's {@code input}); {@code fc} flattens it.
 */
public final class NetworkFiles {
    private static final List<String> ROOT_KEYS = List.of("name", "input", "batch", "layers");
    private static final List<String> LAYER_KEYS = List.of("name", "type", "input", "out_channels", "out_features",
            "kernel", "stride", "padding", "groups", "m", "n", "k");
    private static final List<String> TYPES = List.of("conv", "depthwise", "pointwise", "fc", "gemm");

    private NetworkFiles() {}

    /**
     * A zoo name ({@link NetworkZoo#names()}), or the path of a .yaml/.yml/.json network or a
     * SCALE-Sim .csv topology (GEMM layout when its header names M, N, K), relative to {@code base}.
     *
     * @throws SpecException if it is none of these or the file has problems
     */
    public static Network resolve(String reference, Path base) {
        var zoo = NetworkZoo.byName(reference);
        if (zoo.isPresent()) return zoo.get();
        Path p = base == null ? Path.of(reference) : base.resolve(reference);
        String lower = reference.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) return ScaleSimTopologies.read(p, isGemmCsv(p)).network();
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) return read(p);
        throw new SpecException(new Problem(reference, 0, "network", "not a built-in network ("
                + String.join(", ", NetworkZoo.names()) + ") nor a .yaml, .json or .csv file"));
    }

    /**
     * The network in coex's layout, every layer a (grouped) convolution with its input shape, as
     * {@link #read} takes it back: {@code read(write(n))} has n's layers.
     */
    public static byte[] write(Network network) {
        java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("name", network.name());
        root.put("batch", network.layers().isEmpty() ? 1 : network.layers().get(0).batch());
        List<java.util.Map<String, Object>> layers = new ArrayList<>();
        for (Layer l : network.layers()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", l.name());
            m.put("type", "conv");
            m.put("input", List.of(l.inH(), l.inW(), l.inC()));
            m.put("out_channels", l.outC());
            m.put("kernel", List.of(l.kernelH(), l.kernelW()));
            m.put("stride", List.of(l.strideH(), l.strideW()));
            m.put("padding", List.of(l.padH(), l.padW()));
            if (l.groups() > 1) m.put("groups", l.groups());
            layers.add(m);
        }
        root.put("layers", layers);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isGemmCsv(Path p) {
        try (var lines = Files.lines(p)) {
            String header = lines.findFirst().orElse("").toUpperCase(Locale.ROOT).replace(" ", "");
            return header.matches("[^,]*,M,N,K,?.*");
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Reads coex's YAML/JSON network layout. @throws SpecException listing every problem */
    public static Network read(Path file) {
        YamlDocument doc = YamlDocument.read(file);
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        if (root.has("problem")) return timeloopProblem(root, file, problems);
        root.allowOnly(ROOT_KEYS);
        String name = root.string("name", stem(file));
        int batch = root.integerAtLeast("batch", 1, 1);
        int[] shape = root.has("input") ? triple(root.child("input")) : null;
        List<SpecNode> items = root.child("layers").elements();
        if (items.isEmpty()) root.missing("layers", "missing or empty 'layers'; list the layers, e.g. - {name: conv1, type: conv, ...}");
        List<Layer> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SpecNode item : items) {
            if (!item.expectObject()) continue;
            item.allowOnly(LAYER_KEYS);
            Layer l = layer(item, shape, batch, layers.size());
            if (l == null) continue;
            if (!names.add(l.name())) item.problem("name", "layer name '" + l.name() + "' is used twice; names must be unique");
            layers.add(l);
            shape = new int[] {l.outH(), l.outW(), l.outC()};
        }
        problems.throwIfAny();
        return new Network(name, layers);
    }

    /**
     * A Timeloop CNN_Layer problem file as a one-layer network: the input is the padded input
     * ((P - 1) * stride + R rows), no padding; dilation other than 1 is refused.
     */
    private static Network timeloopProblem(SpecNode root, Path file, Problems problems) {
        var p = TimeloopInputs.problem(root.child("problem"), problems);
        if (p.pDilation() != 1 || p.qDilation() != 1) root.problem("problem", "dilated convolutions are not supported yet; use dilation 1");
        problems.throwIfAny();
        int inH = (p.p() - 1) * p.pStride() + p.r();
        int inW = (p.q() - 1) * p.qStride() + p.s();
        Layer l = new Layer(stem(file), p.n(), inH, inW, p.c(), p.k(), p.r(), p.s(), p.pStride(), p.qStride(), 0, 0, 1,
                OutputRounding.FLOOR);
        return new Network(stem(file), List.of(l));
    }

    private static Layer layer(SpecNode n, int[] chained, int batch, int index) {
        String name = n.string("name", "layer" + index);
        String type = n.string("type", "conv").toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            n.problem("type", "unknown layer type '" + type + "'; use one of " + String.join(", ", TYPES));
            return null;
        }
        if (type.equals("gemm")) {
            int m = n.integerAtLeast("m", 1, 1), nn = n.integerAtLeast("n", 1, 1), k = n.integerAtLeast("k", 1, 1);
            for (String key : List.of("m", "n", "k")) if (!n.has(key)) n.missing(key, "gemm layer needs '" + key + "'");
            return Layer.gemm(name, m, nn, k).withBatch(batch);
        }
        int[] in = n.has("input") ? triple(n.child("input")) : chained;
        if (in == null) {
            n.problem("needs 'input: [height, width, channels]' (or a network-level 'input' before the first layer)");
            return null;
        }
        try {
            return switch (type) {
                case "fc" -> {
                    if (!n.has("out_features")) n.missing("out_features", "fc layer needs 'out_features'");
                    yield Layer.fullyConnected(name, in[0] * in[1] * in[2], n.integerAtLeast("out_features", 1, 1)).withBatch(batch);
                }
                case "pointwise" -> {
                    if (!n.has("out_channels")) n.missing("out_channels", "pointwise layer needs 'out_channels'");
                    yield Layer.pointwise(name, in[0], in[1], in[2], n.integerAtLeast("out_channels", 1, 1)).withBatch(batch);
                }
                default -> {
                    boolean dw = type.equals("depthwise");
                    if (!dw && !n.has("out_channels")) n.missing("out_channels", "conv layer needs 'out_channels'");
                    int outC = dw ? in[2] : n.integerAtLeast("out_channels", 1, 1);
                    int[] k = pair(n, "kernel", 3, 1);
                    int[] s = pair(n, "stride", 1, 1);
                    int[] p = pair(n, "padding", 0, 0);
                    int groups = dw ? in[2] : n.integerAtLeast("groups", 1, 1);
                    yield new Layer(name, batch, in[0], in[1], in[2], outC, k[0], k[1], s[0], s[1], p[0], p[1], groups,
                            OutputRounding.FLOOR);
                }
            };
        } catch (IllegalArgumentException e) {
            n.problem(e.getMessage());
            return null;
        }
    }

    private static int[] pair(SpecNode n, String key, int fallback, int min) {
        SpecNode c = n.child(key);
        if (c.isMissing()) return new int[] {fallback, fallback};
        List<SpecNode> e = c.elements();
        if (!c.isList()) {
            int v = c.asInt(fallback);
            if (v < min) c.problem("must be >= " + min + " (found " + v + ")");
            return new int[] {v, v};
        }
        if (e.size() != 2) {
            c.problem("must be one number or [height, width]");
            return new int[] {fallback, fallback};
        }
        int[] out = {e.get(0).asInt(fallback), e.get(1).asInt(fallback)};
        if (out[0] < min || out[1] < min) c.problem("values must be >= " + min);
        return out;
    }

    private static int[] triple(SpecNode c) {
        List<SpecNode> e = c.elements();
        if (!c.isList() || e.size() != 3) {
            c.problem("must be [height, width, channels]");
            return null;
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = e.get(i).asInt(1);
            if (out[i] < 1) {
                e.get(i).problem("must be >= 1 (found " + out[i] + ")");
                out[i] = 1;
            }
        }
        return out;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }
}
