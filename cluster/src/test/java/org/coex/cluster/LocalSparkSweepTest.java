package org.coex.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.cli.SweepCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sweep spec, plain and on Spark in this JVM (local[2]), writes the same files. */
class LocalSparkSweepTest {
    @TempDir Path dir;

    private static void sweep(String... args) { InProcess.run(new SweepCommand(), args); }

    private Path spec(String body) throws IOException {
        return Files.writeString(dir.resolve("s" + body.hashCode() + ".yaml"), body);
    }

    @Test
    void aGridSweepOnLocalSparkWritesThePlainRunsFilesByteForByte() throws IOException {
        Path spec = spec("network: alexnet\ntemplate: systolic\nspace: {rows: [8, 16, 32], cols: [8, 16, 32], dataflow: [os, ws, is]}\n");
        sweep(spec.toString(), "-o", dir.resolve("plain").toString());
        sweep(spec.toString(), "-o", dir.resolve("spark").toString(), "--master", "local[2]");
        for (String f : List.of("points.csv", "pareto.csv", "pareto.png", "front-scalesim/front-0.cfg")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("plain").resolve(f)), Files.readAllBytes(dir.resolve("spark").resolve(f)), f);
        }
        assertFalse(Files.exists(dir.resolve("spark.points-parts")), "the slices' part files are gone");
    }

    @Test
    void aSampledSweepOnLocalSparkKeepsTheSamplingOrder() throws IOException {
        Path spec = spec("network: alexnet\ntemplate: systolic\nspace: {rows: [8, 12, 16, 24, 32], cols: [8, 12, 16, 24, 32], dataflow: [os, ws, is]}\n"
                + "sampling: random\nsamples: 40\nseed: 7\n");
        sweep(spec.toString(), "-o", dir.resolve("plain").toString());
        sweep(spec.toString(), "-o", dir.resolve("spark").toString(), "--master", "local[2]");
        for (String f : List.of("points.csv", "pareto.csv", "pareto.png")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("plain").resolve(f)), Files.readAllBytes(dir.resolve("spark").resolve(f)), f);
        }
    }

    @Test
    void pointsFrontWritesOnlyTheFrontsRows() throws IOException {
        Path spec = spec("network: alexnet\ntemplate: systolic\nspace: {rows: [8, 16, 32], cols: [8, 16, 32]}\npoints: front\n");
        sweep(spec.toString(), "-o", dir.resolve("spark").toString(), "--master", "local[2]");
        assertEquals(Files.readString(dir.resolve("spark/pareto.csv")), Files.readString(dir.resolve("spark/points.csv")));
        Path none = spec("network: alexnet\ntemplate: systolic\nspace: {rows: [8, 16, 32], cols: [8, 16, 32]}\npoints: none\n");
        sweep(none.toString(), "-o", dir.resolve("none").toString(), "--master", "local[2]");
        assertFalse(Files.exists(dir.resolve("none/points.csv")));
        assertTrue(Files.exists(dir.resolve("none/pareto.csv")));
    }
}
