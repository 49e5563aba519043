package org.coex.accel.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeloop's own eyeriss_like input files (shared/reference/timeloop) read and evaluated. */
class TimeloopInputsTest {
    @TempDir Path dir;

    static Path ref(String name) {
        try {
            return Path.of(TimeloopInputsTest.class.getResource("/timeloop/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> reference() { return List.of(ref("input.yaml"), ref("map.yaml"), ref("ERT.yaml"), ref("ART.yaml")); }

    @Test
    void readsTheReferenceArchitectureProblemAndMapping() {
        TimeloopModel m = TimeloopInputs.read(reference());
        assertEquals(168, m.architecture().macInstances());
        assertEquals(List.of("psum_spad", "weights_spad", "ifmap_spad", "inter_PE_spatial", "inter_PE_column_spatial",
                "shared_glb", "DRAM"), m.architecture().levels().stream().map(l -> l.name()).toList());
        assertEquals(131072, m.architecture().levels().get(5).sizeWords());   // depth 16384 x 8 words per 64-bit row
        assertEquals(924_844_032L, m.problem().macs());
        assertEquals(java.util.Set.of(DataSpace.INPUTS, DataSpace.OUTPUTS), m.mapping().levels().get(5).keep());
    }

    @Test
    void writesTheReportTimeloopPrinted() throws IOException {
        Timeloop.Run run = Timeloop.run(reference(), dir, null);
        JsonNode j = new ObjectMapper().readTree(run.report().toFile());
        assertEquals(5_505_024L, j.get("cycles").asLong());
        assertEquals(2764.38, j.get("energy_uJ").asDouble(), 0.005);
        assertEquals(924_844_032L, j.get("computes").asLong());
        assertEquals(478.44, j.get("fJ_per_compute").get("psum_spad").asDouble(), 0.005);
        assertEquals(89.47, j.get("fJ_per_compute").get("shared_glb").asDouble(), 0.005);
        JsonNode glbOut = j.get("levels").get("shared_glb").get("Outputs");
        assertEquals(12_042_240, glbOut.get("reads").asLong());
        assertEquals(2_408_448, glbOut.get("fills").asLong());
        assertEquals(12_845_056, glbOut.get("updates").asLong());
        assertEquals(8_257_536, j.get("levels").get("DRAM").get("Weights").get("reads").asLong());
    }

    @Test
    void keysMaySpellWithHyphens() throws IOException {
        String hyphens = Files.readString(ref("input.yaml")).replace("read_bandwidth", "read-bandwidth")
                .replace("write_bandwidth", "write-bandwidth").replace("data_spaces", "data-spaces").replace("read_write", "read-write");
        Path input = Files.writeString(dir.resolve("input.yaml"), hyphens);
        TimeloopModel a = TimeloopInputs.read(reference());
        TimeloopModel b = TimeloopInputs.read(List.of(input, ref("map.yaml"), ref("ERT.yaml"), ref("ART.yaml")));
        assertEquals(a, b);
    }

    @Test
    void everyMistakeNamesItsFileLineAndKey() throws IOException {
        Path map = Files.writeString(dir.resolve("map.yaml"), """
                mapping:
                  - target: psum_spads
                    type: temporal
                    factors: C1 M8
                  - target: DRAM
                    type: temporal
                    factors: X4
                  - target: DRAM
                    type: sideways
                """);
        SpecException e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(ref("input.yaml"), map)));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(map.toString(), "map.yaml")).toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("map.yaml:2: mapping[0].target: no level named 'psum_spads'"), lines.get(0));
        assertTrue(lines.get(1).startsWith("map.yaml:7: mapping[1].factors: unknown dimension 'X'"), lines.get(1));
        assertTrue(lines.get(2).startsWith("map.yaml:9: mapping[2].type: unknown directive type 'sideways'"), lines.get(2));
    }

    @Test
    void anEnergyOrAreaTableWithoutANameAnEnergyOrAnAreaIsAMistakeNotAZero() throws IOException {
        Path ert = Files.writeString(dir.resolve("ERT.yaml"), """
                ERT:
                  version: '0.4'
                  tables:
                    - name: system_top_level.DRAM[1..1e400]
                      actions:
                        - {name: read, energy: 512.0}
                    - name: system_top_level.shared_glb[1..1]
                      actions:
                        - {nam: update, energy: 1.5}
                        - {name: read}
                """);
        Path art = Files.writeString(dir.resolve("ART.yaml"), """
                ART:
                  version: '0.4'
                  tables:
                    - name: system_top_level.DRAM[1..1]
                    - {area: 2.0}
                """);
        SpecException e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(ref("input.yaml"), ref("map.yaml"), ert, art)));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
        assertEquals(List.of(
                "ERT.yaml:4: ERT.tables[0].name: the instance range of 'system_top_level.DRAM[1..1e400]' must read [first..last] with last >= first, "
                        + "at most 2^31 - 1 instances",
                "ERT.yaml:9: ERT.tables[1].actions[0]: missing key 'name'; name the action (read, write, update, leak, compute, ...)",
                "ERT.yaml:10: ERT.tables[1].actions[1]: missing 'energy'; give its energy in pJ",
                "ART.yaml:4: ART.tables[0]: missing 'area'; give the component's area in um^2",
                "ART.yaml:5: ART.tables[1]: missing key 'name'; name the component as the architecture does, e.g. system_top_level.DRAM[1..1]"),
                lines.subList(0, 5));
    }

    @Test
    void aFactorTooLargeOrFollowedByJunkIsAMistake() throws IOException {
        Path map = Files.writeString(dir.resolve("map.yaml"), """
                mapping:
                  - target: DRAM
                    factors: C99999999999 M1
                  - target: shared_glb
                    factors: C1 M1 ]]{
                """);
        SpecException e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(ref("input.yaml"), map)));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(map.toString(), "map.yaml")).toList();
        assertEquals("map.yaml:3: mapping[0].factors: C99999999999: a factor must be at most 2^31 - 1", lines.get(0));
        assertEquals("map.yaml:5: mapping[1].factors: ']]{' is not a factor; write factors like 'C4 M2 P8' (found \"C1 M1 ]]{\")", lines.get(1));
    }

    @Test
    void aTableFileThatLostItsTopLevelKeyOrAMisspeltTablesKeyIsAMistake() throws IOException {
        Path art = Files.writeString(dir.resolve("ART.yaml"), "version: '0.4'\ntables:\n  - name: system_top_level.DRAM[1..1]\n    area: 0.0\n");
        Path ert = Files.writeString(dir.resolve("ERT.yaml"), "ERT:\n  version: '0.4'\n  table: []\n");
        SpecException e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(ref("input.yaml"), ref("map.yaml"), art)));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).toString().startsWith(art + ":1: none of its top-level keys [version, tables] is a Timeloop section"), e.getMessage());
        e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(ref("input.yaml"), ref("map.yaml"), ert)));
        assertEquals(List.of(ert + ":3: ERT.table: unknown key 'table'; did you mean 'tables'?"), e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void anIllegalMappingIsBlamedOnTheMappingFileAndTheDirectiveLine() throws IOException {
        String wrong = Files.readString(ref("map.yaml")).replace("factors: C4 M4 R1 S1 N1 P7 Q4", "factors: C4 M4 R1 S1 N1 P8 Q4");
        Path map = Files.writeString(dir.resolve("map.yaml"), wrong);
        int line = lineOf(wrong, "P8 Q4");
        SpecException e = assertThrows(SpecException.class,
                () -> Timeloop.run(List.of(ref("input.yaml"), map, ref("ERT.yaml"), ref("ART.yaml")), dir.resolve("out"), null));
        assertEquals(1, e.problems().size(), e.getMessage());
        String only = e.problems().get(0).toString();
        int other = lineOf(wrong, "P8 Q1");   // shared_glb's factor, the first P above 1
        assertTrue(only.startsWith(map + ":" + other + ": "), only);
        assertTrue(only.contains("factors of P multiply to 64, the problem has 56 (P8 at line " + other + ", P8 at line " + line + ")"), only);
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void aSpatialFanOutTooWideIsBlamedOnItsSpatialDirective() throws IOException {
        String text = Files.readString(ref("map.yaml"));
        int target = lineOf(text, "type: spatial");   // inter_PE_spatial's, the first spatial directive
        String[] lines = text.split("\n", -1);
        int factorsLine = -1;   // 0-based
        for (int i = target; i < lines.length; i++) {
            if (lines[i].contains("factors:")) { factorsLine = i; break; }
        }
        assertTrue(factorsLine > 0 && lines[target - 2].contains("inter_PE_spatial"), "a spatial directive for inter_PE_spatial");
        lines[factorsLine] = lines[factorsLine].replaceFirst("M(\\d+)", "M" + 1024);
        Path map = Files.writeString(dir.resolve("map.yaml"), String.join("\n", lines));
        int spatialLine = target - 1;   // the directive's "- target:" line
        SpecException e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(ref("input.yaml"), map)));
        assertTrue(e.problems().stream().allMatch(p -> p.file().equals(map.toString())), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.message().startsWith("inter_PE_spatial: spatial loops use")
                && p.line() == spatialLine), e.problems().toString());
    }

    @Test
    void timeloopMappersEmptyMappingAsksForAMapping() {
        SpecException e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(ref("input.yaml"))));
        assertTrue(e.problems().get(0).message().startsWith("the files hold no mapping"), e.getMessage());
        assertTrue(TimeloopInputs.request(List.of(ref("input.yaml")), null) instanceof TimeloopMapRequest);
    }

    @Test
    void versionsTimeloopWouldNotReadAreRefused() throws IOException {
        Path art = Files.writeString(dir.resolve("ART.yaml"), Files.readString(ref("ART.yaml")).replaceFirst("version: '0.4'", "version: 0.2"));
        SpecException e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(ref("input.yaml"), ref("map.yaml"), art)));
        assertTrue(e.getMessage().startsWith(art + ":2: ART.version: version 0.2 is not read"), e.getMessage());
        Path input = Files.writeString(dir.resolve("input.yaml"), Files.readString(ref("input.yaml")).replaceFirst("version: '0.4'", "version: 0.5"));
        e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(input, ref("map.yaml"))));
        assertTrue(e.getMessage().contains("architecture.version: version 0.5 is not read"), e.getMessage());
    }

    @Test
    void componentAttributesOutOfRangeAreNamedWithTheirLine() throws IOException {
        String text = Files.readString(ref("input.yaml")).replace("depth: 16384", "depth: -5").replace("psum_spad[1..168]", "psum_spad[5..2]");
        Path input = Files.writeString(dir.resolve("input.yaml"), text);
        Path ert = Files.writeString(dir.resolve("ERT.yaml"), "ERT:\n  version: 0.4\n  tables: 5\n");
        SpecException e = assertThrows(SpecException.class, () -> TimeloopInputs.read(List.of(input, ref("map.yaml"), ert)));
        List<String> lines = e.problems().stream().map(p -> p.toString()).toList();
        assertEquals(3, lines.size(), "every problem at once: " + lines);
        assertTrue(lines.get(0).startsWith(ert + ":3: ERT.tables: must be a list of tables (found 5)"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(input + ":" + lineOf(text, "depth: -5") + ": ") && l.endsWith("depth: must be >= 0 (found -5)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("the instance range of 'psum_spad[5..2]'")), lines.toString());
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new AssertionError(needle + " not in the text");
    }

    @Test
    void withoutAnErtEnergiesComeFromThePreset() throws IOException {
        Timeloop.Run run = Timeloop.run(List.of(ref("input.yaml"), ref("map.yaml")), dir, null);
        assertEquals(5_505_024L, run.result().cycles());
        assertTrue(run.result().energyPj() > 0);
    }
}
