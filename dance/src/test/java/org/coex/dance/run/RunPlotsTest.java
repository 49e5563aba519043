package org.coex.dance.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.junit.jupiter.api.Test;

class RunPlotsTest {
    /** Two epochs of log.jsonl as a search writes them: the evaluator's latency, energy and area only. */
    private static final List<Map<String, Object>> LOG = List.of(
            Map.of("epoch", 0, "predicted", Map.of("latency_ms", 0.01, "energy_uj", 8.0, "area_mm2", 0.5)),
            Map.of("epoch", 1, "predicted", Map.of("latency_ms", 0.02, "energy_uj", 4.0, "area_mm2", 0.25)));

    @Test
    void everyLimitAUserCanSetIsPlottedFromTheLoggedPrediction() throws IOException {
        assertArrayEquals(new double[] {2, 1}, RunPlots.relativeToBound(LOG, new HardLimit(Metrics.Name.FPS, 50_000)), 1e-12,
                "fps is 1000 / latency: 100,000 then 50,000 frames a second");
        assertArrayEquals(new double[] {0.5, 1}, RunPlots.relativeToBound(LOG, new HardLimit(Metrics.Name.LATENCY, 0.02)), 1e-12);
        assertArrayEquals(new double[] {2, 1}, RunPlots.relativeToBound(LOG, new HardLimit(Metrics.Name.ENERGY, 4)), 1e-12);
        assertArrayEquals(new double[] {1, 0.5}, RunPlots.relativeToBound(LOG, new HardLimit(Metrics.Name.AREA, 0.5)), 1e-12);
        byte[] png = RunPlots.limitsPerEpoch(LOG, List.of(new HardLimit(Metrics.Name.FPS, 50_000), new HardLimit(Metrics.Name.ENERGY, 4)), "soft");
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }
}
