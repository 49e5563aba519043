package org.coex.accel.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.nest.Architecture;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;
import org.coex.accel.nest.LevelMapping;
import org.coex.accel.nest.Loop;
import org.coex.accel.nest.Mapping;
import org.coex.accel.nest.NestAnalysis;
import org.coex.accel.nest.StorageLevel;
import org.coex.accel.mapping.Metric;

/**
 * Writes an architecture, a problem and a mapping as Timeloop input files ({@code arch.yaml} in the
 * v0.4 {@code subtree}/{@code local} form, {@code problem.yaml} with the whole CNN_Layer shape,
 * {@code map.yaml}, {@code ERT.yaml}, {@code ART.yaml}, and {@code mapper.yaml} for running
 * timeloop-mapper on the same design), so the design can be re-run in Timeloop and means there
 * what it means in coex: a 2-D fan-out becomes eyeriss_like's column and PE levels
 * ({@link TimeloopLayout}), X and Y loops stay apart, and the problem and mapper keys are spelt for
 * the chosen {@link TimeloopStyle}. {@code coex timeloop} reads the files back to the same figures.
 */
public final class TimeloopExport {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private TimeloopExport() {}

    /**
     * File name -> contents: the five Timeloop inputs, {@code mapper.yaml} asking timeloop-mapper for
     * {@code metric}, and {@code coex-timeloop.json}, coex's figures for this mapping as
     * {@code coex timeloop} writes them when it reads the files back.
     */
    public static Map<String, byte[]> files(Architecture arch, ConvProblem problem, Mapping mapping, TimeloopStyle style,
                                            Metric metric) throws IOException {
        TimeloopLayout layout = TimeloopLayout.of(arch, mapping);
        Map<String, String> yaml = new LinkedHashMap<>();
        yaml.put("arch.yaml", yaml(Map.of("architecture", architecture(layout.architecture()))));
        yaml.put("problem.yaml", yaml(Map.of("problem", problem(problem, style))));
        yaml.put("map.yaml", yaml(Map.of("mapping", mapping(layout.architecture(), layout.mapping()))));
        yaml.put("ERT.yaml", yaml(Map.of("ERT", ert(layout.architecture()))));
        yaml.put("ART.yaml", yaml(Map.of("ART", art(layout.architecture()))));
        yaml.put("mapper.yaml", yaml(Map.of("mapper", mapper(style, metric))));
        Map<String, byte[]> out = new LinkedHashMap<>();
        yaml.forEach((name, text) -> out.put(name, text.getBytes(StandardCharsets.UTF_8)));
        TimeloopModel model = new TimeloopModel(layout.architecture(), problem, layout.mapping());
        out.put(Timeloop.REPORT, TimeloopReport.json(model, NestAnalysis.evaluate(problem, layout.architecture(), layout.mapping())));
        return out;
    }

    /** A mapping of this very architecture (no layout change) as {@code map.yaml}'s text. */
    public static String mappingFile(Architecture arch, Mapping mapping) {
        return yaml(Map.of("mapping", mapping(arch, mapping)));
    }

    private static String yaml(Object o) {
        try {
            return YAML.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A map that keeps its keys in the order given (key, value, key, value, ...), so the files are the same from run to run. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static String range(String name, int instances) { return name + "[1.." + instances + "]"; }

    private static Map<String, Object> architecture(Architecture arch) {
        List<Object> local = new ArrayList<>();
        for (int i = arch.levels().size() - 1; i >= 0; i--) {
            StorageLevel l = arch.levels().get(i);
            Map<String, Object> a = new LinkedHashMap<>();
            boolean dram = i == arch.levels().size() - 1;
            if (!dram) a.put("depth", l.dummy() ? 1 : l.sizeWords() / l.blockWords());
            a.put("width", l.dummy() ? 1 : l.wordBits() * l.blockWords());
            a.put("datawidth", l.dummy() ? 1 : l.wordBits());
            if (l.readBandwidth() > 0) a.put("read_bandwidth", l.readBandwidth());
            if (l.writeBandwidth() > 0) a.put("write_bandwidth", l.writeBandwidth());
            a.put("meshX", l.meshX());
            local.add(component(range(l.name(), l.instances()), dram ? "DRAM" : l.dummy() ? "dummy_storage" : "smartbuffer_SRAM", a));
        }
        local.add(component(range(arch.macName(), arch.macInstances()), "intmac", ordered("meshX", arch.levels().get(0).meshX())));
        return ordered("version", "0.4", "subtree", List.of(ordered("name", "system", "local", local)));
    }

    private static Map<String, Object> component(String name, String cls, Map<String, Object> attributes) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("class", cls);
        c.put("attributes", attributes);
        return c;
    }

    private static Map<String, Object> problem(ConvProblem p, TimeloopStyle style) {
        Map<String, Object> inst = new LinkedHashMap<>();
        inst.put("C", p.c());
        inst.put("M", p.k());
        inst.put("N", p.n());
        inst.put("P", p.p());
        inst.put("Q", p.q());
        inst.put("R", p.r());
        inst.put("S", p.s());
        inst.put("Wstride", p.pStride());
        inst.put("Hstride", p.qStride());
        inst.put("Wdilation", p.pDilation());
        inst.put("Hdilation", p.qDilation());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", "0.4");
        out.put("instance", inst);
        out.put("shape", cnnLayerShape(style));
        return out;
    }

    /**
     * Timeloop's CNN_Layer shape written out (timeloop-model v3.0.3 does not know it by name):
     * Weights[C][M][R][S], Inputs[N][C][R * Wdilation + P * Wstride][S * Hdilation + Q * Hstride],
     * Outputs[N][M][Q][P] (read and written).
     */
    private static Map<String, Object> cnnLayerShape(TimeloopStyle style) {
        List<Object> coefficients = new ArrayList<>();
        for (String c : List.of("Wstride", "Hstride", "Wdilation", "Hdilation")) coefficients.add(ordered("name", c, "default", 1));
        List<Object> spaces = new ArrayList<>();
        spaces.add(dataSpace("Weights", List.of(term("C"), term("M"), term("R"), term("S")), false, style));
        spaces.add(dataSpace("Inputs", List.of(term("N"), term("C"), List.of(List.of("R", "Wdilation"), List.of("P", "Wstride")),
                List.of(List.of("S", "Hdilation"), List.of("Q", "Hstride"))), false, style));
        spaces.add(dataSpace("Outputs", List.of(term("N"), term("M"), term("Q"), term("P")), true, style));
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("name", "CNN_Layer");
        shape.put("dimensions", List.of("C", "M", "R", "S", "N", "P", "Q"));
        shape.put("coefficients", coefficients);
        shape.put(style.key("data_spaces"), spaces);
        return shape;
    }

    /** One projection term list holding a single dimension: [[D]]. */
    private static List<Object> term(String dim) { return List.of(List.of(dim)); }

    private static Map<String, Object> dataSpace(String name, List<Object> projection, boolean readWrite, TimeloopStyle style) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("projection", projection);
        if (readWrite) m.put(style.key("read_write"), true);
        return m;
    }

    /** timeloop-mapper's settings: a random-pruned search on two threads for the given metric. */
    private static Map<String, Object> mapper(TimeloopStyle style, Metric metric) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(style.key("optimization_metrics"), List.of(metric == Metric.LATENCY ? "delay" : metric.key()));
        m.put(style.key("live_status"), false);
        m.put(style.key("num_threads"), 2);
        m.put("algorithm", style.key("random_pruned"));
        m.put(style.key("victory_condition"), 500);
        m.put("timeout", 15000);
        m.put(style.key("max_permutations_per_if_visit"), 16);
        return m;
    }

    private static List<Object> mapping(Architecture arch, Mapping m) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < arch.levels().size(); i++) {
            String target = arch.levels().get(i).name();
            LevelMapping lm = m.levels().get(i);
            List<String> keep = new ArrayList<>();
            List<String> bypass = new ArrayList<>();
            for (DataSpace ds : DataSpace.values()) (lm.keep().contains(ds) ? keep : bypass).add(ds.timeloopName());
            out.add(ordered("target", target, "type", "datatype", "keep", keep, "bypass", bypass));
            out.add(directive(target, "temporal", lm.temporal(), -1));
            int children = i == 0 ? arch.macInstances() : arch.levels().get(i - 1).instances();
            if (!lm.spatial().isEmpty() || children > arch.levels().get(i).instances()) {
                List<Loop> ordered = new ArrayList<>();
                lm.spatial().stream().filter(l -> l.kind() == Loop.Kind.SPATIAL_X).forEach(ordered::add);
                int split = (int) ordered.stream().map(Loop::dim).distinct().count();
                lm.spatial().stream().filter(l -> l.kind() == Loop.Kind.SPATIAL_Y).forEach(ordered::add);
                out.add(directive(target, "spatial", ordered, split));
            }
        }
        return out;
    }

    /**
     * Factors of every dimension and a permutation of all seven listing the loops innermost first
     * (for a spatial directive, the first {@code split} are X), then the rest.
     */
    private static Map<String, Object> directive(String target, String type, List<Loop> loops, int split) {
        Map<Dim, Integer> factors = new LinkedHashMap<>();
        StringBuilder perm = new StringBuilder();
        for (Loop l : loops) {
            factors.merge(l.dim(), l.bound(), (a, b) -> a * b);
            if (perm.indexOf(l.dim().timeloopName()) < 0) perm.append(l.dim().timeloopName());
        }
        StringBuilder f = new StringBuilder();
        for (Dim d : Dim.values()) {
            f.append(f.length() == 0 ? "" : " ").append(d.timeloopName()).append(factors.getOrDefault(d, 1));
            if (perm.indexOf(d.timeloopName()) < 0) perm.append(d.timeloopName());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("type", type);
        m.put("factors", f.toString());
        m.put("permutation", perm.toString());
        if (split >= 0) m.put("split", split);
        return m;
    }

    private static Map<String, Object> ert(Architecture arch) {
        List<Object> tables = new ArrayList<>();
        for (StorageLevel l : arch.levels()) {
            if (l.dummy()) continue;
            tables.add(ordered("name", "system." + range(l.name(), l.instances()), "actions", List.of(
                    ordered("name", "read", "energy", l.readPj()),
                    ordered("name", "write", "energy", l.writePj()),
                    ordered("name", "update", "energy", l.updatePj()),
                    ordered("name", "leak", "energy", l.leakPj()))));
        }
        tables.add(ordered("name", "system." + range(arch.macName(), arch.macInstances()),
                "actions", List.of(ordered("name", "compute", "energy", arch.macPj()))));
        return ordered("version", "0.4", "tables", tables);
    }

    private static Map<String, Object> art(Architecture arch) {
        List<Object> tables = new ArrayList<>();
        for (StorageLevel l : arch.levels()) tables.add(ordered("name", "system." + range(l.name(), l.instances()), "area", l.areaUm2()));
        tables.add(ordered("name", "system." + range(arch.macName(), arch.macInstances()), "area", arch.macAreaUm2()));
        return ordered("version", "0.4", "tables", tables);
    }
}
