package org.coex.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HdxExperimentNetworksTest {
    @TempDir Path dir;

    private void run(String name, String method, boolean feasible, long macs) throws IOException {
        Path result = Files.createDirectories(dir.resolve(name).resolve("result"));
        Files.writeString(result.resolve("result.json"), "{\"method\": \"" + method + "\", \"feasible\": " + feasible + ", \"macs\": " + macs + "}");
    }

    @Test
    void networksThatMetTheirLimitsOrCameFromSequentialAreListedOnceInMacOrder() throws IOException {
        run("hdx-b", "hdx", true, 300);
        run("hdx-a", "hdx", true, 300);
        run("soft-missed", "soft", false, 200);
        run("soft-met", "soft", true, 100);
        run("sequential-missed", "sequential", false, 400);
        Files.createDirectories(dir.resolve("unfinished"));
        Map<Long, Path> listed = HdxExperimentNetworks.listed(List.of(dir));
        assertEquals(List.of(100L, 300L, 400L), List.copyOf(listed.keySet()));
        assertEquals(dir.resolve("hdx-a/result/architecture.json"), listed.get(300L), "the first run folder in sorted order");
    }
}
