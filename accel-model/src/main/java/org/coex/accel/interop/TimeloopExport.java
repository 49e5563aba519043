package org.coex.accel.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
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
import org.coex.accel.nest.StorageLevel;

/**
 * Writes an architecture, a problem and a mapping as Timeloop input files ({@code arch.yaml} in the
 * v0.4 {@code subtree}/{@code local} form, {@code problem.yaml}, {@code map.yaml}, {@code ERT.yaml},
 * {@code ART.yaml}), so the design can be re-run in Timeloop, and so that {@code coex timeloop}
 * reads it back to the same figures.
 */
public final class TimeloopExport {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private TimeloopExport() {}

    /** File name -> YAML text. */
    public static Map<String, String> files(Architecture arch, ConvProblem problem, Mapping mapping) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("arch.yaml", yaml(Map.of("architecture", architecture(arch))));
        out.put("problem.yaml", yaml(Map.of("problem", problem(problem))));
        out.put("map.yaml", yaml(Map.of("mapping", mapping(arch, mapping))));
        out.put("ERT.yaml", yaml(Map.of("ERT", ert(arch))));
        out.put("ART.yaml", yaml(Map.of("ART", art(arch))));
        return out;
    }

    private static String yaml(Object o) {
        try {
            return YAML.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String range(String name, int instances) { return name + "[1.." + instances + "]"; }

    private static Map<String, Object> architecture(Architecture arch) {
        List<Object> local = new ArrayList<>();
        for (int i = arch.levels().size() - 1; i >= 0; i--) {
            StorageLevel l = arch.levels().get(i);
            Map<String, Object> a = new LinkedHashMap<>();
            boolean dram = i == arch.levels().size() - 1;
            if (!dram && !l.dummy()) a.put("depth", l.sizeWords() / l.blockWords());
            a.put("width", l.wordBits() * l.blockWords());
            a.put("datawidth", l.wordBits());
            if (l.readBandwidth() > 0) a.put("read_bandwidth", l.readBandwidth());
            if (l.writeBandwidth() > 0) a.put("write_bandwidth", l.writeBandwidth());
            a.put("meshX", l.meshX());
            local.add(component(range(l.name(), l.instances()), dram ? "DRAM" : l.dummy() ? "dummy_storage" : "smartbuffer_SRAM", a));
        }
        local.add(component(range(arch.macName(), arch.macInstances()), "intmac", Map.of("meshX", arch.levels().get(0).meshX())));
        return Map.of("version", "0.4", "subtree", List.of(Map.of("name", "system", "local", local)));
    }

    private static Map<String, Object> component(String name, String cls, Map<String, Object> attributes) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("class", cls);
        c.put("attributes", attributes);
        return c;
    }

    private static Map<String, Object> problem(ConvProblem p) {
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
        return Map.of("version", "0.4", "instance", inst, "shape", Map.of("name", "CNN_Layer"));
    }

    private static List<Object> mapping(Architecture arch, Mapping m) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < arch.levels().size(); i++) {
            String target = arch.levels().get(i).name();
            LevelMapping lm = m.levels().get(i);
            List<String> keep = new ArrayList<>();
            List<String> bypass = new ArrayList<>();
            for (DataSpace ds : DataSpace.values()) (lm.keep().contains(ds) ? keep : bypass).add(ds.timeloopName());
            out.add(Map.of("target", target, "type", "datatype", "keep", keep, "bypass", bypass));
            out.add(directive(target, "temporal", lm.temporal(), -1));
            if (!lm.spatial().isEmpty()) {
                List<Loop> ordered = new ArrayList<>();
                lm.spatial().stream().filter(l -> l.kind() == Loop.Kind.SPATIAL_X).forEach(ordered::add);
                int split = ordered.size();
                lm.spatial().stream().filter(l -> l.kind() == Loop.Kind.SPATIAL_Y).forEach(ordered::add);
                out.add(directive(target, "spatial", ordered, split));
            }
        }
        return out;
    }

    /** Factors of every dimension and a permutation listing the loops innermost first, then the rest. */
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
            if (perm.indexOf(d.timeloopName()) < 0 && split < 0) perm.append(d.timeloopName());
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
            tables.add(Map.of("name", "system." + range(l.name(), l.instances()), "actions", List.of(
                    Map.of("name", "read", "energy", l.readPj() ),
                    Map.of("name", "write", "energy", l.writePj()),
                    Map.of("name", "update", "energy", l.updatePj()),
                    Map.of("name", "leak", "energy", l.leakPj()))));
        }
        tables.add(Map.of("name", "system." + range(arch.macName(), arch.macInstances()),
                "actions", List.of(Map.of("name", "compute", "energy", arch.macPj()))));
        return Map.of("version", "0.4", "tables", tables);
    }

    private static Map<String, Object> art(Architecture arch) {
        List<Object> tables = new ArrayList<>();
        for (StorageLevel l : arch.levels()) tables.add(Map.of("name", "system." + range(l.name(), l.instances()), "area", l.areaUm2()));
        tables.add(Map.of("name", "system." + range(arch.macName(), arch.macInstances()), "area", arch.macAreaUm2()));
        return Map.of("version", "0.4", "tables", tables);
    }
}
