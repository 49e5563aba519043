package org.coex.dance.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.coex.accel.cost.Metrics;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.YamlDocument;
import org.coex.hdx.HardConstraint;
import org.junit.jupiter.api.Test;

class SearchSpecsTest {
    static SearchSpec parse(String yaml) { return SearchSpecs.parse(YamlDocument.parse(Path.of("s.yaml"), yaml), Path.of("")); }

    static String problems(String yaml) {
        try {
            parse(yaml);
            return "";
        } catch (SpecException e) {
            return e.problems().stream().map(Object::toString).collect(java.util.stream.Collectors.joining("\n"));
        }
    }

    @Test
    void everyExampleSpecIsValid() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            List<Path> specs = files.filter(f -> f.getFileName().toString().startsWith("search-")).sorted().toList();
            assertEquals(4, specs.size(), specs.toString());
            for (Path f : specs) {
                SearchSpec s = SearchSpecs.load(f);
                assertFalse(s.limits().isEmpty(), f.toString());
            }
        }
    }

    @Test
    void theBuiltInDefaultIsTheLatencyExampleWithItsOwnOutput() {
        SearchSpec builtIn = SearchSpecs.builtInDefault();
        SearchSpec example = SearchSpecs.load(Path.of("../examples/search-latency.yaml"));
        assertEquals(example.search().config(), builtIn.search().config());
        assertEquals(example.search().space(), builtIn.search().space());
        assertEquals(example.search().data(), builtIn.search().data());
        assertEquals(List.of(example.search().validationSize(), example.search().trainLimit()),
                List.of(builtIn.search().validationSize(), builtIn.search().trainLimit()));
        assertEquals(List.of(example.template().name(), example.technologyName(), example.designSpace().size(), example.evaluator(),
                        example.objective(), example.lambda(), example.limits(), example.hdx(), example.method(), example.retrainEpochs(),
                        example.retrainImages(), example.repairBudget()),
                List.of(builtIn.template().name(), builtIn.technologyName(), builtIn.designSpace().size(), builtIn.evaluator(),
                        builtIn.objective(), builtIn.lambda(), builtIn.limits(), builtIn.hdx(), builtIn.method(), builtIn.retrainEpochs(),
                        builtIn.retrainImages(), builtIn.repairBudget()));
        assertEquals(Path.of("runs/search-default").toAbsolutePath(), builtIn.output());
    }

    @Test
    void aFrameRateFloorBecomesALatencyCeilingAndSoftHasNoConstraints() {
        SearchSpec s = parse("constraints: {fps: 20000, area_mm2: 0.5}\nhdx: {margin: 0.1}\n");
        assertEquals(List.of(new HardConstraint("latency_ms", 0.05, 0.1), new HardConstraint("area_mm2", 0.5, 0.1)), s.constraints());
        assertEquals(Metrics.Name.LATENCY, s.objective().weights().keySet().iterator().next());
        assertTrue(parse("method: soft\nconstraints: {fps: 20000}\n").constraints().isEmpty());
        assertEquals(2, parse("objective: {latency: 1, energy: 0.5}\n").objective().weights().size());
    }

    /** The margin allows for a gap between what HDX checks and what the run returns: none on the analytic evaluator's argmax network. */
    @Test
    void theMarginIsZeroOnlyWhereTheCheckIsExact() {
        assertEquals(0, parse("constraints: {latency_ms: 0.04}\n").hdx().margin());
        assertEquals(0.05, parse("constraints: {latency_ms: 0.04}\nhdx: {check: expected}\n").hdx().margin());
        assertEquals(0.05, parse("constraints: {latency_ms: 0.04}\nevaluator: some-folder\n").hdx().margin());
        assertEquals(0.1, parse("constraints: {latency_ms: 0.04}\nhdx: {margin: 0.1}\n").hdx().margin());
    }

    @Test
    void fixedHardwareIsAPointOfTheDesignSpace() {
        String ds = "hardware: {template: systolic, space: {rows: [8, 16], cols: [8, 16]}, fixed: FIXED}\nmethod: fixed-hw\n";
        SearchSpec s = parse(ds.replace("FIXED", "{rows: 16, cols: 8}"));
        assertEquals(SearchSpec.Method.FIXED_HW, s.method());
        assertEquals(2, s.designSpace().indexOf(s.fixedHardware()));
        assertTrue(problems(ds.replace("FIXED", "{rows: 32, cols: 8}")).contains("hardware.fixed.rows: 32 is not in the design space"));
        assertTrue(problems(ds.replace("FIXED", "{rows: 16}")).contains("hardware.fixed: missing 'cols'"));
        assertEquals("s.yaml:1: hardware.fixed.col: unknown key 'col'; did you mean 'cols'?", problems(ds.replace("FIXED", "{rows: 16, col: 8}")),
                "a misspelt key is one mistake, not also a missing one");
        assertTrue(problems("method: fixed-hw\n").contains("fixed-hw needs the accelerator under hardware.fixed"));
    }

    @Test
    void mistakesNameTheirKeyPath() {
        assertTrue(problems("hardware: {template: tpu}\n").contains("hardware.template: unknown template 'tpu'"));
        assertTrue(problems("hardware: {template: systolic, space: {rows: [0]}}\n").contains("hardware.space.rows[0]"));
        assertTrue(problems("objective: fps\n").contains("objective: must be latency, energy, edp or area"));
        assertTrue(problems("hdx: {growth: 1}\n").contains("hdx.growth: must be > 1"));
        assertTrue(problems("hdx: {check: argmax}\n").contains("hdx.check: must be derived (the argmax network) or expected"));
        assertEquals(org.coex.dance.loop.CoExploration.Check.EXPECTED, parse("hdx: {check: expected}\n").hdx().check());
        assertEquals(org.coex.dance.loop.CoExploration.Check.DERIVED, parse("lambda: 0.5\n").hdx().check(), "the default");
        assertTrue(problems("method: greedy\n").contains("method: must be hdx, soft, sequential or fixed-hw"));
        String p = problems("search: {lambda: 1}\n");
        assertTrue(p.contains("'hardware' and 'lambda' belong at the top level"), p);
        assertTrue(problems("evaluator: pom.xml\n").contains("evaluator: 'pom.xml' is a file"));
        assertTrue(Path.of(parse("evaluator: no/such/dir\n").evaluator().path()).isAbsolute());
        assertEquals(600, parse("evaluator: {path: ev, samples: 600, epochs: 2}\n").evaluator().samples());
        assertTrue(parse("evaluator: analytic\n").evaluator().analytic());
        assertEquals(20_000, parse("retrain_epochs: 1\nretrain_images: 20000\n").retrainImages());
        assertEquals(0, parse("retrain_epochs: 1\n").retrainImages(), "all training images by default");
        assertTrue(problems("retrain_images: -5\n").contains("retrain_images"));
    }

    @Test
    void theHardwareChoiceAndRepairDefaultToCoexsHelpAndMayFollowThePapers() {
        SearchSpec helped = parse("constraints: {latency_ms: 0.04, area_mm2: 1}\n");
        assertEquals(SearchSpec.HardwareChoice.WITHIN_LIMITS, helped.hardwareChoice());
        assertTrue(helped.repair());
        assertEquals(helped.limits(), helped.choiceLimits());
        SearchSpec published = parse("constraints: {latency_ms: 0.04}\nhardware_choice: objective\nrepair: false\n");
        assertEquals(SearchSpec.HardwareChoice.OBJECTIVE, published.hardwareChoice());
        assertTrue(published.choiceLimits().isEmpty(), "the limits stay out of the choice");
        assertEquals(1, published.limits().size(), "and are still checked");
        assertTrue(published.settings().containsKey("hardware_choice"), "a search chosen otherwise does not resume another");
        assertTrue(!helped.settings().containsKey("hardware_choice"), "runs made before the switch keep resuming");
        assertTrue(problems("hardware_choice: best\n").contains("hardware_choice: must be objective"));
        assertTrue(problems("repair: maybe\n").contains("repair: must be true or false"));
    }

    @Test
    void aClusterSectionSaysWhereCompareRunsTheSearches() {
        assertTrue(parse("constraints: {latency_ms: 0.04}\n").cluster().isEmpty(), "here, by default");
        SearchSpec s = parse("constraints: {latency_ms: 0.04}\ncluster: {master: 'local[2]', conf: {spark.task.cpus: 1}}\n");
        assertEquals("local[2]", s.cluster().orElseThrow().master());
        assertEquals(java.util.Map.of("spark.task.cpus", "1"), s.cluster().orElseThrow().conf());
        assertEquals(s.cluster(), s.with(SearchSpec.Method.SOFT, 0.5, List.of(), Path.of("x")).cluster(), "every run of a comparison keeps it");
        assertEquals("spark://h:7077", org.coex.accel.cluster.ClusterSettings.of(s.cluster(), "spark://h:7077").orElseThrow().master(), "--master wins");
        assertTrue(problems("cluster: {master: 'locl[2]'}\n").contains("cluster.master: 'locl[2]' is not a Spark master URL"));
        assertTrue(problems("cluster: {master: 'local[2]', conf: {executor.memory: 4g}}\n").contains("Spark settings start with 'spark.'"));
        assertTrue(problems("cluster: {master: 'local[2]', workers: 2}\n").contains("workers"));
        assertEquals("s.yaml:3: cluster.mastr: unknown key 'mastr'; did you mean 'master'?", problems("constraints: {latency_ms: 0.04}\ncluster:\n  mastr: local\n"),
                "a misspelt master is one mistake, not also a missing one");
        assertEquals("s.yaml:2: cluster: missing key 'master'; use local[N], local[*], spark://host:port, yarn or k8s://...",
                problems("constraints: {latency_ms: 0.04}\ncluster: {conf: {spark.task.cpus: 1}}\n"));
        assertTrue(problems("constraints: {latency_ms: 0.04}\ncluster: {master: 7}\n").contains("'7' is not a Spark master URL"));
    }
}
