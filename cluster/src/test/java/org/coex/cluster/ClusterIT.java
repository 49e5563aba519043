package org.coex.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
    private static final Path MODULE = CoexProcess.MODULE;
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

    private static Process coex(Path log, String... args) throws IOException { return CoexProcess.start(log, args); }

    private static void finish(Process p, Path log) throws IOException, InterruptedException {
        assertEquals(0, CoexProcess.finish(p, log), Files.readString(log));
    }

    private static void plainSweep(Path spec, Path out) { InProcess.run(new SweepCommand(), spec.toString(), "-o", out.toString()); }

    private static void assertSameFiles(Path plain, Path spark, String... files) throws IOException {
        for (String f : files) assertArrayEquals(Files.readAllBytes(plain.resolve(f)), Files.readAllBytes(spark.resolve(f)), f);
    }

    /** How a test submits a sweep of {@code spec} into {@code out} to the cluster, its output in {@code log}. */
    private interface Submission {
        Process start(Path spec, Path out, Path log) throws IOException;
    }

    /** The sweep {@code yaml}, run plain and submitted to the cluster: the same points.csv, pareto.csv and pareto.png. */
    private static void assertSubmittedSweepIsThePlainOne(String name, String yaml, Submission submit) throws IOException, InterruptedException {
        Path spec = Files.writeString(scratch.resolve(name + ".yaml"), yaml);
        plainSweep(spec, scratch.resolve(name + "-plain"));
        Path log = scratch.resolve(name + "-cluster.log");
        finish(submit.start(spec, scratch.resolve(name + "-cluster"), log), log);
        assertSameFiles(scratch.resolve(name + "-plain"), scratch.resolve(name + "-cluster"), "points.csv", "pareto.csv", "pareto.png");
    }

    @Test
    @Order(1)
    void aSweepOnTheClusterWritesThePlainRunsFiles() throws IOException, InterruptedException {
        assertSubmittedSweepIsThePlainOne("grid", "network: alexnet\ntemplate: systolic\nspace: {rows: [8, 16, 32], cols: [8, 16, 32], dataflow: [os, ws, is]}\n",
                (spec, out, log) -> coex(log, "sweep", spec.toString(), "-o", out.toString(), "--master", cluster.masterUrl));
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

    /** The route docs/cluster.md gives for a user's own Spark: spark-submit (its class, from spark-core's jars) with coex.jar as the application. */
    @Test
    @Order(4)
    void aSweepSubmittedWithSparkSubmitWritesThePlainRunsFiles() throws IOException, InterruptedException {
        assertSubmittedSweepIsThePlainOne("submit", "network: resnet18\ntemplate: systolic\nspace: {rows: [8, 16, 32], cols: [8, 16], dataflow: [os, ws]}\n",
                (spec, out, log) -> new ProcessBuilder(StandaloneCluster.javaBin(), "@" + MODULE.resolve("spark-jvm-options.txt"),
                        "-cp", MODULE.resolve("target/lib") + "/*", "org.apache.spark.deploy.SparkSubmit", "--master", cluster.masterUrl,
                        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1", "--class", "org.coex.dance.cli.Main",
                        "--jars", MODULE.resolve("target/coex-cluster.jar").toString(), MODULE.resolve("../dance/target/coex.jar").normalize().toString(),
                        "sweep", spec.toString(), "-o", out.toString(), "--master", cluster.masterUrl)
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    /** A Worker killed while the sweep's slices run: Spark runs its lost slices on the other, and the files are the same. */
    @Test
    @Order(100)   // the cluster has one worker after it
    void aWorkerKilledInTheMiddleOfASweepLeavesTheSameFiles() throws IOException, InterruptedException {
        Path spec = Files.writeString(scratch.resolve("spatial.yaml"), "network: resnet18\ntemplate: spatial\n"
                + "space: {pe_rows: [8, 12, 16], pe_cols: [8, 14, 16], glb_kb: [64, 128, 256], dataflow: [ws, os, rs]}\n");
        plainSweep(spec, scratch.resolve("spatial-plain"));
        Path out = scratch.resolve("spatial-cluster");
        Path log = scratch.resolve("spatial-cluster.log");
        Process p = coex(log, "sweep", spec.toString(), "-o", out.toString(), "--master", cluster.masterUrl);
        Path parts = scratch.resolve("spatial-cluster.points-parts");
        Instant end = Instant.now().plus(CoexProcess.JOB_LIMIT);
        while (p.isAlive() && Instant.now().isBefore(end) && countParts(parts) == 0) Thread.sleep(100);
        assertTrue(p.isAlive(), "the sweep ended before a worker could be killed:\n" + Files.readString(log));
        cluster.killWorker(0);
        finish(p, log);
        assertTrue(Files.readString(log).contains("Lost"), "Spark lost a task or an executor and ran it again:\n" + Files.readString(log));
        assertSameFiles(scratch.resolve("spatial-plain"), out, "points.csv", "pareto.csv", "pareto.png");
    }

    /**
     * A Worker killed while the comparison's searches run: Spark runs the lost search again on another
     * executor, it resumes from its own checkpoint, and the comparison is the plain one.
     */
    @Test
    @Order(101)
    void aWorkerKilledInTheMiddleOfAComparisonLeavesTheSameComparison() throws IOException, InterruptedException {
        cluster.addWorker();   // the sweep test above left one
        cluster.awaitWorkers(2);
        Path spec = Files.writeString(scratch.resolve("killed-compare.yaml"),
                LocalSparkCompareTest.tinySpec(scratch.resolve("killed-runs")).replace("epochs: 2", "epochs: 5"));
        String[] runs = {"--method", "soft", "--lambda", "0.01,1"};
        InProcess.run(new org.coex.dance.cli.CompareCommand(), Stream.concat(Stream.of(spec.toString()),
                Stream.concat(Stream.of(runs), Stream.of("-o", scratch.resolve("killed-plain").toString()))).toArray(String[]::new));
        Path out = scratch.resolve("killed-cluster");
        Path log = scratch.resolve("killed-cluster.log");
        Process p = coex(log, Stream.concat(Stream.of("compare", spec.toString()), Stream.concat(Stream.of(runs),
                Stream.of("-o", out.toString(), "--master", cluster.masterUrl))).toArray(String[]::new));
        Instant end = Instant.now().plus(CoexProcess.JOB_LIMIT);
        while (p.isAlive() && Instant.now().isBefore(end) && !anyCheckpoint(out)) Thread.sleep(100);
        assertTrue(p.isAlive(), "the comparison ended before a worker could be killed:\n" + Files.readString(log));
        cluster.killWorker(cluster.workerCount() - 1);
        finish(p, log);
        assertTrue(Files.readString(log).contains("Lost"), "Spark lost a task or an executor and ran it again:\n" + Files.readString(log));
        assertArrayEquals(Files.readAllBytes(scratch.resolve("killed-plain/comparison.csv")), Files.readAllBytes(out.resolve("comparison.csv")));
    }

    /** Whether a search of the comparison in {@code out} has written its first epoch's checkpoint. */
    private static boolean anyCheckpoint(Path out) throws IOException {
        if (!Files.isDirectory(out)) return false;
        try (Stream<Path> runs = Files.list(out)) {
            return runs.anyMatch(r -> Files.isRegularFile(r.resolve("checkpoint/state.json")));
        }
    }

    private static long countParts(Path parts) throws IOException {
        if (!Files.isDirectory(parts)) return 0;
        try (Stream<Path> files = Files.list(parts)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).count();
        }
    }
}
