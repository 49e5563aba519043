package org.coex.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.coex.accel.cli.SweepCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster (a Master and two one-core Workers, separate JVMs on 127.0.0.1):
 * the same specs submitted to it write the plain runs' files, also when a Worker is killed in the
 * middle of a sweep.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Duration JOB_LIMIT = Duration.ofMinutes(5);
    @TempDir static Path scratch;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        cluster = new StandaloneCluster(MODULE, scratch, 2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    /** coex in a JVM of its own, with the class path ./coex gives it for Spark (Spark's jars first); bounded in time. */
    private static Process coex(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(StandaloneCluster.javaBin(), "@" + MODULE.resolve("spark-jvm-options.txt"),
                "-Djava.awt.headless=true", "-cp", MODULE.resolve("target/lib") + "/*:" + MODULE.resolve("../dance/target/coex.jar").normalize()
                        + ":" + MODULE.resolve("target/coex-cluster.jar"), "org.coex.dance.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void finish(Process p, Path log) throws IOException, InterruptedException {
        boolean ended = p.waitFor(JOB_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        assertTrue(ended, "coex did not finish within " + JOB_LIMIT + ":\n" + Files.readString(log));
        assertEquals(0, p.exitValue(), Files.readString(log));
    }

    private static void plainSweep(Path spec, Path out) { InProcess.run(new SweepCommand(), spec.toString(), "-o", out.toString()); }

    private static void assertSameFiles(Path plain, Path spark, String... files) throws IOException {
        for (String f : files) assertArrayEquals(Files.readAllBytes(plain.resolve(f)), Files.readAllBytes(spark.resolve(f)), f);
    }

    @Test
    @Order(1)
    void aSweepOnTheClusterWritesThePlainRunsFiles() throws IOException, InterruptedException {
        Path spec = Files.writeString(scratch.resolve("grid.yaml"),
                "network: alexnet\ntemplate: systolic\nspace: {rows: [8, 16, 32], cols: [8, 16, 32], dataflow: [os, ws, is]}\n");
        plainSweep(spec, scratch.resolve("grid-plain"));
        Path log = scratch.resolve("grid-cluster.log");
        finish(coex(log, "sweep", spec.toString(), "-o", scratch.resolve("grid-cluster").toString(), "--master", cluster.masterUrl), log);
        assertSameFiles(scratch.resolve("grid-plain"), scratch.resolve("grid-cluster"), "points.csv", "pareto.csv", "pareto.png");
    }

    @Test
    @Order(2)
    void anEvaluatorDatasetLabelledOnTheClusterIsThePlainOne() throws IOException, InterruptedException {
        Path space = Files.writeString(scratch.resolve("design-space.yaml"), "space: {rows: [8, 16, 32], cols: [8, 16, 32], dataflow: [os, ws]}\n");
        List<String> common = List.of("evaluator", "generate", "--template", "systolic", "--design-space", space.toString(), "--samples", "3000",
                "--objective", "edp", "--limit", "area_mm2=1.0", "--seed", "11");
        InProcess.run(new org.coex.evaluator.cli.EvaluatorCommand.Generate(),
                Stream.concat(common.stream().skip(2), Stream.of("-o", scratch.resolve("data-plain").toString())).toArray(String[]::new));
        Path log = scratch.resolve("data-cluster.log");
        finish(coex(log, Stream.concat(common.stream(), Stream.of("-o", scratch.resolve("data-cluster").toString(), "--master", cluster.masterUrl))
                .toArray(String[]::new)), log);
        try (Stream<Path> files = Files.list(scratch.resolve("data-plain"))) {
            for (Path f : files.toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(scratch.resolve("data-cluster").resolve(f.getFileName())), f.getFileName().toString());
            }
        }
    }

    /** Two searches as two tasks, each in its own executor JVM: the comparison the plain run writes. */
    @Test
    @Order(3)
    void aTinyComparisonSearchedOnTheClusterIsThePlainOne() throws IOException, InterruptedException {
        Path spec = Files.writeString(scratch.resolve("tiny-compare.yaml"), LocalSparkCompareTest.tinySpec(scratch.resolve("compare-runs")));
        InProcess.run(new org.coex.dance.cli.CompareCommand(), spec.toString(), "--method", "soft", "--lambda", "0.01,1", "-o",
                scratch.resolve("compare-plain").toString());
        Path log = scratch.resolve("compare-cluster.log");
        finish(coex(log, "compare", spec.toString(), "--method", "soft", "--lambda", "0.01,1", "-o", scratch.resolve("compare-cluster").toString(),
                "--master", cluster.masterUrl), log);
        assertArrayEquals(Files.readAllBytes(scratch.resolve("compare-plain/comparison.csv")),
                Files.readAllBytes(scratch.resolve("compare-cluster/comparison.csv")));
    }

    /** A Worker killed while the sweep's slices run: Spark runs its lost slices on the other, and the files are the same. */
    @Test
    @Order(100)   // last: the cluster has one worker after it
    void aWorkerKilledInTheMiddleOfASweepLeavesTheSameFiles() throws IOException, InterruptedException {
        Path spec = Files.writeString(scratch.resolve("spatial.yaml"), "network: resnet18\ntemplate: spatial\n"
                + "space: {pe_rows: [8, 12, 16], pe_cols: [8, 14, 16], glb_kb: [64, 128, 256], dataflow: [ws, os, rs]}\n");
        plainSweep(spec, scratch.resolve("spatial-plain"));
        Path out = scratch.resolve("spatial-cluster");
        Path log = scratch.resolve("spatial-cluster.log");
        Process p = coex(log, "sweep", spec.toString(), "-o", out.toString(), "--master", cluster.masterUrl);
        Path parts = scratch.resolve("spatial-cluster.points-parts");
        Instant end = Instant.now().plus(JOB_LIMIT);
        while (p.isAlive() && Instant.now().isBefore(end) && countParts(parts) == 0) Thread.sleep(100);
        assertTrue(p.isAlive(), "the sweep ended before a worker could be killed:\n" + Files.readString(log));
        cluster.killWorker(0);
        finish(p, log);
        assertTrue(Files.readString(log).contains("Lost"), "Spark lost a task or an executor and ran it again:\n" + Files.readString(log));
        assertSameFiles(scratch.resolve("spatial-plain"), out, "points.csv", "pareto.csv", "pareto.png");
    }

    private static long countParts(Path parts) throws IOException {
        if (!Files.isDirectory(parts)) return 0;
        try (Stream<Path> files = Files.list(parts)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).count();
        }
    }
}
