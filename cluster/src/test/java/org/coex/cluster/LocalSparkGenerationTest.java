package org.coex.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.coex.evaluator.cli.EvaluatorCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** coex evaluator generate on Spark in this JVM (local[2]) writes the plain run's manifest and arrays byte for byte. */
class LocalSparkGenerationTest {
    @TempDir Path dir;

    private static void generate(String... args) { InProcess.run(new EvaluatorCommand.Generate(), args); }

    @Test
    void aDatasetLabelledOnSparkIsThePlainOne() throws IOException {
        Path space = Files.writeString(dir.resolve("space.yaml"), "space: {rows: [8, 16, 32], cols: [8, 16, 32], dataflow: [os, ws]}\n");
        List<String> common = List.of("--template", "systolic", "--design-space", space.toString(), "--samples", "3000",
                "--objective", "edp", "--limit", "area_mm2=1.0", "--seed", "11");
        generate(Stream.concat(common.stream(), Stream.of("-o", dir.resolve("plain").toString())).toArray(String[]::new));
        generate(Stream.concat(common.stream(), Stream.of("-o", dir.resolve("spark").toString(), "--master", "local[2]")).toArray(String[]::new));
        try (Stream<Path> files = Files.list(dir.resolve("plain"))) {
            for (Path f : files.toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve("spark").resolve(f.getFileName())), f.getFileName().toString());
            }
        }
        assertFalse(Files.exists(dir.resolve("spark.label-parts")));
    }
}
