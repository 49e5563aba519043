package org.coex.accel.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coex.accel.cost.Metrics;
import org.coex.accel.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeSpecsTest {
    @TempDir Path dir;

    Path write(String yaml) throws IOException { return Files.writeString(dir.resolve("o.yaml"), yaml); }

    @Test
    void readsAWeightedObjectiveAndLimits() throws IOException {
        OptimizeSpec s = OptimizeSpecs.load(write("network: alexnet\nobjective: {latency: 1, energy: 0.001}\nlimits: {fps: 100, area_mm2: 2}\nbudget: 50\n"));
        assertEquals(Map.of(Metrics.Name.LATENCY, 1.0, Metrics.Name.ENERGY, 0.001), s.objective().weights());
        assertEquals(List.of(new HardLimit(Metrics.Name.FPS, 100), new HardLimit(Metrics.Name.AREA, 2)), s.limits());
        assertEquals(50, s.budget());
    }

    @Test
    void everyMistakeIsNamedWithItsLine() throws IOException {
        Path f = write("network: alexnet\nobjective: speed\nlimits: {fps: -1, watts: 3}\nbudget: 0\nbudgte: 3\n");
        SpecException e = assertThrows(SpecException.class, () -> OptimizeSpecs.load(f));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(f.toString(), "o.yaml")).toList();
        assertEquals(List.of(
                "o.yaml:5: budgte: unknown key 'budgte'; did you mean 'budget'?",
                "o.yaml:2: objective: unknown objective 'speed'; use latency, energy, edp, area or {metric: weight, ...}",
                "o.yaml:3: limits.fps: must be > 0 (found -1)",
                "o.yaml:3: limits.watts: unknown limit 'watts'; limits are latency_ms, fps, area_mm2, energy_uj, edp_uj_ms",
                "o.yaml:4: budget: must be >= 1 (found 0)"), lines);
    }
}
