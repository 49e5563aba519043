package org.coex.accel.interop;

import static org.coex.accel.interop.TimeloopInputsTest.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coex.accel.mapping.Metric;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;
import org.coex.accel.nest.LevelMapping;
import org.coex.accel.nest.Loop;
import org.coex.accel.nest.Mapping;
import org.coex.accel.nest.NestAnalysis;
import org.coex.accel.nest.NestResult;
import org.coex.accel.space.HwConfig;
import org.coex.accel.spec.SpecException;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.spatial.SpatialAccelerator;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.accel.workload.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coex timeloop} without a mapping: coex's search within Timeloop's constraints, map.yaml out. */
class TimeloopMapperTest {
    @TempDir Path dir;

    /** timeloop-mapper's own input (mapping: [], eyeriss_like's row-stationary constraints, metrics delay then energy). */
    @Test
    void mapsTheReferenceLayerWithinItsConstraintsAtLeastAsWellAsTimeloopsMapper() throws IOException {
        Timeloop.Run run = Timeloop.run(List.of(ref("input.yaml"), ref("ERT.yaml"), ref("ART.yaml")), dir.resolve("out"), null);
        Timeloop.Search search = run.search().orElseThrow();
        assertEquals(List.of(Metric.LATENCY, Metric.ENERGY), search.metrics());
        assertEquals("mapper.optimization_metrics", search.metricSource());
        NestResult timeloops = Timeloop.run(TimeloopInputsTest.reference(), dir.resolve("theirs"), null).result();
        assertTrue(run.result().cycles() <= timeloops.cycles(), run.result().cycles() + " cycles");
        if (run.result().cycles() == timeloops.cycles()) {
            assertTrue(run.result().energyPj() <= timeloops.energyPj(), run.result().energyPj() / 1e6 + " uJ");
        }
        Mapping m = run.model().mapping();
        assertWithin(m, "psum_spad", Set.of(Dim.K), Set.of(), EnumSet.of(DataSpace.OUTPUTS), run);
        assertWithin(m, "weights_spad", Set.of(Dim.C, Dim.R), Set.of(), EnumSet.of(DataSpace.WEIGHTS), run);
        assertWithin(m, "ifmap_spad", Set.of(), Set.of(), EnumSet.of(DataSpace.INPUTS), run);
        assertWithin(m, "inter_PE_spatial", Set.of(), Set.of(Dim.S, Dim.C, Dim.K), EnumSet.noneOf(DataSpace.class), run);
        assertWithin(m, "inter_PE_column_spatial", Set.of(), Set.of(Dim.Q, Dim.K), EnumSet.noneOf(DataSpace.class), run);
        assertWithin(m, "shared_glb", EnumSet.allOf(Dim.class), Set.of(), EnumSet.of(DataSpace.INPUTS, DataSpace.OUTPUTS), run);
        for (Loop l : level(m, "inter_PE_spatial", run).spatial()) assertEquals(Loop.Kind.SPATIAL_Y, l.kind(), l.toString());
        for (Loop l : level(m, "inter_PE_column_spatial", run).spatial()) assertEquals(Loop.Kind.SPATIAL_X, l.kind(), l.toString());

        // the map.yaml written reads back, with the architecture, to the same figures
        Timeloop.Run again = Timeloop.run(List.of(ref("input.yaml"), dir.resolve("out/map.yaml"), ref("ERT.yaml"), ref("ART.yaml")),
                dir.resolve("again"), null);
        assertEquals(run.result().cycles(), again.result().cycles());
        assertEquals(run.result().energyPj(), again.result().energyPj(), 1e-9 * again.result().energyPj());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/coex-timeloop.json").toFile());
        assertEquals("delay, then energy", report.get("search").get("optimized").asText());
    }

    /** Factor bounds, a loop order and a keep set on a design coex exported, in a constraints file of their own. */
    @Test
    void factorBoundsPermutationsAndBypassesAreHonoured() throws IOException {
        Path arch = exportedDesign();
        Files.writeString(dir.resolve("constraints.yaml"), """
                mapspace_constraints:
                  targets:
                    - {target: glb, type: temporal, factors: M=4 P<=2, permutation: QP_C}
                    - {target: glb, type: datatype, keep: [Inputs, Weights], bypass: [Outputs]}
                    - {target: inter_PE_column_spatial, type: spatial, factors: Q=4, permutation: QM, split: 2}
                    - {target: psum_rf, type: temporal, factors: M>=2}
                """);
        Timeloop.Run run = Timeloop.run(files(arch, "constraints.yaml"), dir.resolve("out"), Metric.ENERGY);
        Mapping m = run.model().mapping();
        LevelMapping glb = level(m, "glb", run);
        assertEquals(4, factor(glb.temporal(), Dim.K));
        assertTrue(factor(glb.temporal(), Dim.P) <= 2);
        assertEquals(EnumSet.of(DataSpace.INPUTS, DataSpace.WEIGHTS), glb.keep());
        List<Dim> order = glb.temporal().stream().map(Loop::dim).toList();
        if (order.contains(Dim.C)) assertEquals(Dim.C, order.get(order.size() - 1), "C outermost at glb: " + order);
        if (order.contains(Dim.Q)) assertEquals(Dim.Q, order.get(0), "Q innermost at glb: " + order);
        assertEquals(4, factor(level(m, "inter_PE_column_spatial", run).spatial(), Dim.Q));
        assertTrue(factor(level(m, "psum_rf", run).temporal(), Dim.K) >= 2);
        assertEquals("--metric", run.search().orElseThrow().metricSource());
    }

    @Test
    void constraintsCoexCannotHonourAreNamedWithTheirLine() throws IOException {
        Path arch = exportedDesign();
        Files.writeString(dir.resolve("constraints.yaml"), """
                mapspace_constraints:
                  - {target: glb, type: temporal, factors: M=4}
                  - {target: inter_PE_spatial, type: spatial, no_multicast_no_reduction: [Inputs]}
                  - {target: glb, type: max_overbooked_proportion, proportion: 0.1}
                """);
        SpecException e = assertThrows(SpecException.class, () -> Timeloop.run(files(arch, "constraints.yaml"), dir.resolve("out"), null));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith(dir.resolve("constraints.yaml") + ":3: "), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("cannot honour 'no_multicast_no_reduction'"), e.getMessage());
        assertTrue(e.problems().get(1).message().contains("max_overbooked_proportion"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void constraintsNoMappingMeetsAreAUserMistake() throws IOException {
        Path arch = exportedDesign();
        Files.writeString(dir.resolve("constraints.yaml"), "mapspace_constraints: [{target: glb, type: temporal, factors: M=5}]\n");
        SpecException e = assertThrows(SpecException.class, () -> Timeloop.run(files(arch, "constraints.yaml"), dir.resolve("out"), null));
        assertTrue(e.getMessage().contains("no mapping of this problem fits"), e.getMessage());
        Files.writeString(dir.resolve("mapper.yaml"), "mapper: {optimization-metrics: [last-level-accesses]}\n");
        e = assertThrows(SpecException.class, () -> Timeloop.run(files(arch, "mapper.yaml"), dir.resolve("out"), null));
        assertTrue(e.getMessage().contains("coex optimizes edp, energy or delay, not 'last-level-accesses'"), e.getMessage());
        e = assertThrows(SpecException.class, () -> Timeloop.run(TimeloopInputsTest.reference(), dir.resolve("out"), Metric.EDP));
        assertTrue(e.getMessage().contains("--metric"), e.getMessage());
    }

    /** A coex design (16 x 16 row stationary) exported to dir/design; its files without the mapping. */
    private Path exportedDesign() throws IOException {
        SpatialAccelerator acc = new SpatialTemplate().configure(HwConfig.of("pe_rows", 8, "pe_cols", 8), TechnologyTables.preset(TechnologyTables.DEFAULT));
        Layer layer = Layer.conv("l", 16, 16, 16, 32, 3, 1, 1);
        Map<String, byte[]> files = TimeloopExport.files(acc.architecture(), org.coex.accel.nest.ConvProblem.of(layer),
                acc.mapping(layer).mapping(), TimeloopStyle.V3, Metric.EDP);
        Path design = Files.createDirectories(dir.resolve("design"));
        for (String f : List.of("arch.yaml", "problem.yaml", "ERT.yaml", "ART.yaml")) Files.write(design.resolve(f), files.get(f));
        return design;
    }

    private List<Path> files(Path design, String extra) {
        return List.of(design.resolve("arch.yaml"), design.resolve("problem.yaml"), design.resolve("ERT.yaml"), design.resolve("ART.yaml"),
                dir.resolve(extra));
    }

    private static LevelMapping level(Mapping m, String name, Timeloop.Run run) {
        return m.levels().get(run.model().architecture().indexOf(name));
    }

    private static int factor(List<Loop> loops, Dim d) {
        return loops.stream().filter(l -> l.dim() == d).mapToInt(Loop::bound).reduce(1, (a, b) -> a * b);
    }

    /** The level's temporal loops iterate only {@code temporal}, its spatial loops only {@code spatial}, and it keeps {@code keep}. */
    private static void assertWithin(Mapping m, String name, Set<Dim> temporal, Set<Dim> spatial, Set<DataSpace> keep, Timeloop.Run run) {
        LevelMapping lm = level(m, name, run);
        for (Loop l : lm.temporal()) assertTrue(temporal.contains(l.dim()), name + " loops over " + l.dim());
        for (Loop l : lm.spatial()) assertTrue(spatial.contains(l.dim()), name + " spreads " + l.dim());
        assertEquals(keep, lm.keep(), name);
        assertEquals(NestAnalysis.evaluate(run.model().problem(), run.model().architecture(), m).cycles(), run.result().cycles());
    }
}
