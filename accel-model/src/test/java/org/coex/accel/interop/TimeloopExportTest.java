package org.coex.accel.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.mapping.MappingSearch;
import org.coex.accel.mapping.Metric;
import org.coex.accel.nest.Architecture;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;
import org.coex.accel.nest.LevelMapping;
import org.coex.accel.nest.LevelResult;
import org.coex.accel.nest.Loop;
import org.coex.accel.nest.Mapping;
import org.coex.accel.nest.NestAnalysis;
import org.coex.accel.nest.NestResult;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.spatial.SpatialAccelerator;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.NetworkZoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A spatial design exported as Timeloop files reads back (through coex timeloop's reader) to exactly
 * the figures coex computed for it: cycles, energy and every level's reads, fills and updates.
 */
class TimeloopExportTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    @TempDir Path dir;

    /** Every layer of the network on the default spatial configuration and technology, exported and read back. */
    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenetv2"})
    void everyLayerOfTheNetworkReadsBackToCoexsOwnFigures(String network) throws IOException {
        SpatialAccelerator acc = new SpatialTemplate().configure(HwConfig.of(), TechnologyTables.preset(TechnologyTables.DEFAULT));
        int layers = 0;
        for (Layer layer : NetworkZoo.byName(network).orElseThrow().layers()) {
            MappingSearch.Result chosen = acc.mapping(layer);
            NestResult back = readBack(acc.architecture(), ConvProblem.of(layer), chosen.mapping(), layer.name());
            assertSameFigures(chosen.cost(), back, layer.name());
            LayerCost own = acc.evaluate(layer);   // what coex cost reports: one group's figures times the groups
            assertEquals(own.cycles(), layer.groups() * back.cycles(), layer.name());
            assertEquals(own.totalEnergyPj(), layer.groups() * back.energyPj(), 1e-12 * own.totalEnergyPj(), layer.name());
            layers++;
        }
        assertTrue(layers > 15, network + " has its layers");
    }

    @ParameterizedTest
    @CsvSource({"rs, 3, 1", "ws, 3, 1", "os, 3, 1", "rs, 1, 2", "ws, 5, 1", "os, 7, 2"})
    void designsOfEveryDataflowReadBackToTheSameFigures(String dataflow, int kernel, int stride) throws IOException {
        SpatialAccelerator acc = new SpatialTemplate().configure(HwConfig.of("dataflow", dataflow, "glb_kb", 64),
                TechnologyTables.preset("accelergy-65nm"));
        Layer layer = Layer.conv("l", 30, 30, 32, 48, kernel, stride, kernel / 2);
        MappingSearch.Result chosen = acc.mapping(layer);
        assertSameFigures(chosen.cost(), readBack(acc.architecture(), ConvProblem.of(layer), chosen.mapping(), "l"), dataflow);
    }

    /** The row-stationary constraints let M spread over both axes: the export keeps the two factors on their own levels. */
    @Test
    void aDimensionSpreadOverBothAxesKeepsItsTwoFactorsApart() throws IOException {
        SpatialAccelerator acc = new SpatialTemplate().configure(HwConfig.of("pe_rows", 4, "pe_cols", 4),
                TechnologyTables.preset(TechnologyTables.DEFAULT));
        Architecture arch = acc.architecture();
        ConvProblem problem = new ConvProblem(1, 16, 4, 4, 4, 1, 1, 1, 1, 1, 1);
        Mapping mapping = new Mapping(List.of(
                new LevelMapping(List.of(), List.of(), EnumSet.of(DataSpace.OUTPUTS)),
                new LevelMapping(List.of(), List.of(), EnumSet.of(DataSpace.WEIGHTS)),
                new LevelMapping(List.of(), List.of(), EnumSet.of(DataSpace.INPUTS)),
                new LevelMapping(List.of(new Loop(Dim.C, 4, Loop.Kind.TEMPORAL)),
                        List.of(new Loop(Dim.K, 4, Loop.Kind.SPATIAL_X), new Loop(Dim.K, 2, Loop.Kind.SPATIAL_Y)),
                        EnumSet.of(DataSpace.INPUTS, DataSpace.OUTPUTS)),
                new LevelMapping(List.of(new Loop(Dim.K, 2, Loop.Kind.TEMPORAL), new Loop(Dim.P, 4, Loop.Kind.TEMPORAL),
                        new Loop(Dim.Q, 4, Loop.Kind.TEMPORAL)), List.of(), EnumSet.allOf(DataSpace.class))));
        Map<String, byte[]> files = TimeloopExport.files(arch, problem, mapping, TimeloopStyle.V4, Metric.EDP);
        String map = new String(files.get("map.yaml"), StandardCharsets.UTF_8);
        assertTrue(map.contains("target: inter_PE_column_spatial\n  type: spatial\n  factors: N1 M4 C1 P1 Q1 R1 S1\n  permutation: MNCPQRS\n  split: 1"), map);
        assertTrue(map.contains("target: inter_PE_spatial\n  type: spatial\n  factors: N1 M2 C1 P1 Q1 R1 S1\n  permutation: MNCPQRS\n  split: 0"), map);
        assertSameFigures(NestAnalysis.evaluate(problem, arch, mapping), readBack(arch, problem, mapping, "both-axes"), "both axes");
    }

    /** timeloop-model v3.0.3 stops on a problem that only names its shape; the export writes the shape out, in the chosen spelling. */
    @Test
    void theProblemCarriesTheWholeCnnLayerShapeInEitherSpelling() throws IOException {
        SpatialAccelerator acc = new SpatialTemplate().configure(HwConfig.of(), TechnologyTables.preset(TechnologyTables.DEFAULT));
        Layer layer = Layer.conv("l", 14, 14, 8, 8, 3, 2, 1);
        Mapping mapping = acc.mapping(layer).mapping();
        String v3 = text(TimeloopExport.files(acc.architecture(), ConvProblem.of(layer), mapping, TimeloopStyle.V3, Metric.EDP), "problem.yaml");
        String v4 = text(TimeloopExport.files(acc.architecture(), ConvProblem.of(layer), mapping, TimeloopStyle.V4, Metric.EDP), "problem.yaml");
        for (String text : List.of(v3, v4)) {
            Map<?, ?> shape = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) YAML.readValue(text, Map.class).get("problem"))).get("shape");
            assertEquals("CNN_Layer", shape.get("name"));
            assertEquals(List.of("C", "M", "R", "S", "N", "P", "Q"), shape.get("dimensions"));
            assertEquals(4, ((List<?>) shape.get("coefficients")).size());
            List<?> spaces = (List<?>) shape.get(text == v3 ? "data-spaces" : "data_spaces");
            assertEquals(List.of(List.of(List.of("N")), List.of(List.of("C")), List.of(List.of("R", "Wdilation"), List.of("P", "Wstride")),
                    List.of(List.of("S", "Hdilation"), List.of("Q", "Hstride"))), ((Map<?, ?>) spaces.get(1)).get("projection"));
            assertTrue(text.contains("Wstride: 2"), text);
        }
        assertTrue(v3.contains("data-spaces:") && v3.contains("read-write: true"), v3);
        assertTrue(v4.contains("data_spaces:") && v4.contains("read_write: true"), v4);
        assertFalse(v3.contains("data_spaces"), v3);
        String mapper = text(TimeloopExport.files(acc.architecture(), ConvProblem.of(layer), mapping, TimeloopStyle.V3, Metric.LATENCY), "mapper.yaml");
        assertTrue(mapper.contains("optimization-metrics:\n  - delay") && mapper.contains("num-threads: 2") && mapper.contains("algorithm: random-pruned"), mapper);
    }

    @Test
    void theExportIsTheSameFromRunToRun() throws IOException {
        SpatialAccelerator acc = new SpatialTemplate().configure(HwConfig.of(), TechnologyTables.preset(TechnologyTables.DEFAULT));
        Layer layer = Layer.conv("l", 14, 14, 8, 8, 3, 1, 1);
        Map<String, byte[]> a = TimeloopExport.files(acc.architecture(), ConvProblem.of(layer), acc.mapping(layer).mapping(), TimeloopStyle.V4, Metric.EDP);
        Map<String, byte[]> b = TimeloopExport.files(acc.architecture(), ConvProblem.of(layer), acc.mapping(layer).mapping(), TimeloopStyle.V4, Metric.EDP);
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
    }

    /** Writes the export, reads arch, problem, map, ERT and ART back as coex timeloop does, and evaluates them. */
    private NestResult readBack(Architecture arch, ConvProblem problem, Mapping mapping, String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_")));
        Map<String, byte[]> exported = TimeloopExport.files(arch, problem, mapping, TimeloopStyle.DEFAULT, Metric.EDP);
        List<Path> inputs = new ArrayList<>();
        for (String f : List.of("arch.yaml", "problem.yaml", "map.yaml", "ERT.yaml", "ART.yaml")) {
            inputs.add(Files.write(folder.resolve(f), exported.get(f)));
        }
        TimeloopModel back = TimeloopInputs.read(inputs);
        assertEquals(problem, back.problem());
        NestResult result = NestAnalysis.evaluate(back.problem(), back.architecture(), back.mapping());
        assertArrayEquals(exported.get(Timeloop.REPORT), TimeloopReport.json(back, result), "coex-timeloop.json of " + name);
        return result;
    }

    /** Equal cycles, computes and energy; every level of coex's own result has the same counts read back (the added dummies count nothing). */
    private static void assertSameFigures(NestResult own, NestResult back, String what) {
        assertEquals(own.cycles(), back.cycles(), what);
        assertEquals(own.computes(), back.computes(), what);
        assertEquals(own.energyPj(), back.energyPj(), 1e-12 * own.energyPj(), what);
        for (LevelResult l : own.levels()) assertEquals(l.accesses(), back.level(l.name()).accesses(), what + " " + l.name());
        for (LevelResult l : back.levels()) {
            if (own.levels().stream().noneMatch(o -> o.name().equals(l.name()))) assertTrue(l.accesses().isEmpty(), l.name());
        }
    }

    private static String text(Map<String, byte[]> files, String name) { return new String(files.get(name), StandardCharsets.UTF_8); }
}
