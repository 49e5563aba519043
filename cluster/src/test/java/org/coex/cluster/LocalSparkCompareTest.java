package org.coex.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coex.dance.cli.CompareCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** coex compare with its searches as Spark tasks (local[2]) writes the comparison the plain run writes. */
class LocalSparkCompareTest {
    @TempDir Path dir;

    static String tinySpec(Path out) {
        return "search: {train_limit: 64, validation: 32, epochs: 2, warmup_epochs: 1, batch_size: 16, crop_padding: 0}\n"
                + "hardware: {template: systolic, space: {rows: [8, 16], cols: [8, 16], dataflow: [os, ws]}}\n"
                + "objective: latency\nlambda: 0.1\nconstraints: {latency_ms: 9}\nretrain_epochs: 0\noutput: " + out + "\n";
    }

    private static String compare(String... args) { return InProcess.run(new CompareCommand(), args); }

    @Test
    void aComparisonSearchedOnSparkIsThePlainOne() throws IOException {
        Path spec = Files.writeString(dir.resolve("tiny.yaml"), tinySpec(dir.resolve("runs")));
        compare(spec.toString(), "--method", "soft", "--lambda", "0.01,1", "-o", dir.resolve("plain").toString());
        compare(spec.toString(), "--method", "soft", "--lambda", "0.01,1", "-o", dir.resolve("spark").toString(), "--master", "local[2]");
        assertArrayEquals(Files.readAllBytes(dir.resolve("plain/comparison.csv")), Files.readAllBytes(dir.resolve("spark/comparison.csv")));
        // the same spec with a cluster section runs there without --master
        Path onSpark = Files.writeString(dir.resolve("on-spark.yaml"), tinySpec(dir.resolve("runs")) + "cluster: {master: 'local[2]', conf: {spark.task.cpus: 1}}\n");
        String out = compare(onSpark.toString(), "--method", "soft", "--lambda", "0.01,1", "-o", dir.resolve("spec-spark").toString());
        assertTrue(out.contains("searching on Spark local[2]: 2 tasks"), out);
        assertArrayEquals(Files.readAllBytes(dir.resolve("plain/comparison.csv")), Files.readAllBytes(dir.resolve("spec-spark/comparison.csv")));
    }
}
