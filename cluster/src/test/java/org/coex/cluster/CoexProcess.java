package org.coex.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** coex in a JVM of its own, with the class path ./coex gives it for Spark (Spark's jars first); every wait bounded. */
final class CoexProcess {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Duration JOB_LIMIT = Duration.ofMinutes(5);

    private CoexProcess() {}

    /** Starts {@code coex ARGS}, its stdout and stderr into {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(StandaloneCluster.javaBin(), "@" + MODULE.resolve("spark-jvm-options.txt"),
                "-Djava.awt.headless=true", "-cp", MODULE.resolve("target/lib") + "/*:" + MODULE.resolve("../dance/target/coex.jar").normalize()
                        + ":" + MODULE.resolve("target/coex-cluster.jar"), "org.coex.dance.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Its exit status, after at most {@link #JOB_LIMIT} (killed and failed beyond that). */
    static int finish(Process p, Path log) throws IOException, InterruptedException {
        boolean ended = p.waitFor(JOB_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        assertTrue(ended, "coex did not finish within " + JOB_LIMIT + ":\n" + Files.readString(log));
        return p.exitValue();
    }
}
