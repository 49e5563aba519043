package org.coex.accel.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecsTest {
    @TempDir Path dir;

    List<String> problems(String yaml) throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), yaml);
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecs.load(f));
        return e.problems().stream().map(p -> p.toString().replace(f.toString(), "s.yaml")).toList();
    }

    @Test
    void everyProblemIsReportedWithLineKeyAndFix() throws IOException {
        List<String> p = problems("""
                network: resnet50
                templte: systolic
                space:
                  rows: [8, 0]
                  dataflow: [os, rs]
                sampling: everything
                samples: many
                pareto: [latency]
                """);
        assertEquals(List.of(
                "s.yaml:2: templte: unknown key 'templte'; did you mean 'template'?",
                "s.yaml:4: space.rows[1]: rows must be >= 1, found 0",
                "s.yaml:5: space.dataflow[1]: dataflow must be os, ws or is, found 'rs'",
                "s.yaml:6: sampling: must be grid, random or sobol (found \"everything\")",
                "s.yaml:7: samples: must be a whole number (found \"many\")",
                "s.yaml:8: pareto: list 2 or 3 metrics of latency, energy, area, edp"), p);
    }

    @Test
    void unknownTemplateNetworkAndTechnologyAreNamed() throws IOException {
        List<String> p = problems("network: resnet51\ntemplate: tpu\ntechnology: 7nm\n");
        assertEquals(3, p.size(), p.toString());
        assertEquals(true, p.get(0).startsWith("s.yaml:1: network: resnet51: network: not a built-in network"), p.get(0));
        assertEquals(true, p.get(1).startsWith("s.yaml:2: template: unknown template 'tpu'; installed: "), p.get(1));
        assertEquals(true, p.get(2).startsWith("s.yaml:3: technology: unknown technology '7nm'"), p.get(2));
    }

    @Test
    void wrongTypesAndEmptyFiles() throws IOException {
        assertEquals(List.of("s.yaml: the file is empty; see examples/ for a template"), problems(""));
        assertEquals(List.of("s.yaml:1: must be a mapping of keys to values (found a list)"), problems("- network: resnet50\n"));
        assertEquals(List.of("s.yaml:2: space.rows[0]: rows must be a whole number, found eight"),
                problems("network: resnet50\nspace: {rows: [eight]}\n"));
    }

    @Test
    void theBuiltInDefaultIsValid() {
        SweepSpec s = SweepSpecs.builtInDefault();
        assertEquals("resnet50", s.network().name());
        assertEquals(9600, s.space().size());
    }
}
