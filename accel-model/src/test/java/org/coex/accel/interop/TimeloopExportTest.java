package org.coex.accel.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coex.accel.mapping.MappingSearch;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.NestAnalysis;
import org.coex.accel.nest.NestResult;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.spatial.SpatialAccelerator;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.accel.workload.Layer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** A spatial design exported as Timeloop files reads back (through coex timeloop's reader) to the same figures. */
class TimeloopExportTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({"rs, 3, 1", "ws, 3, 1", "os, 3, 1", "rs, 1, 2", "ws, 5, 1", "os, 7, 2"})
    void exportedDesignsReadBackToTheSameFigures(String dataflow, int kernel, int stride) throws IOException {
        SpatialAccelerator acc = new SpatialTemplate().configure(HwConfig.of("dataflow", dataflow, "glb_kb", 64),
                TechnologyTables.preset("accelergy-65nm"));
        Layer layer = Layer.conv("l", 30, 30, 32, 48, kernel, stride, kernel / 2);
        MappingSearch.Result chosen = acc.mapping(layer);
        ConvProblem problem = ConvProblem.of(layer);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> f : TimeloopExport.files(acc.architecture(), problem, chosen.mapping()).entrySet()) {
            files.add(Files.writeString(dir.resolve(f.getKey()), f.getValue()));
        }
        TimeloopModel back = TimeloopInputs.read(files);
        assertEquals(problem, back.problem());
        assertEquals(chosen.mapping(), back.mapping());
        NestResult again = NestAnalysis.evaluate(back.problem(), back.architecture(), back.mapping());
        assertEquals(chosen.cost().cycles(), again.cycles());
        assertEquals(chosen.cost().energyPj(), again.energyPj(), 1e-9 * again.energyPj());
        for (int i = 0; i < again.levels().size(); i++) {
            assertEquals(chosen.cost().levels().get(i).accesses(), again.levels().get(i).accesses());
        }
    }
}
