package org.coex.dance.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generation killed by the kernel's signal (not asked to stop) continues with --resume to the files of one that never stopped. */
class EvaluatorResumeIT {
    static final List<String> ARGS = List.of("evaluator", "generate", "--samples", "70000", "--seed", "9");

    @TempDir Path dir;

    @Test
    void aKilledGenerationResumesToTheSameFiles() throws Exception {
        Path killed = dir.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(ARGS);
        command.addAll(List.of("-o", killed.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        Path progress = dir.resolve("killed.part/progress.json");
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && p.isAlive() && written(progress) == 0) Thread.sleep(200);
        } finally {
            p.destroyForcibly();   // SIGKILL, by this process's own handle
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(32_768, written(progress), Files.readString(dir.resolve("killed.log")));
        assertFalse(Files.exists(killed.resolve("manifest.json")), "a killed run is never taken for a whole one");
        List<String> resume = new ArrayList<>(ARGS);
        resume.addAll(List.of("-o", killed.toString(), "--resume"));
        CoexCommandIT.Result r = CoexCommandIT.coex(resume.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("continuing after 32,768 of 70,000 samples"), r.out());
        List<String> whole = new ArrayList<>(ARGS);
        whole.addAll(List.of("-o", dir.resolve("whole").toString()));
        assertEquals(0, CoexCommandIT.coex(whole.toArray(String[]::new)).status());
        for (String f : List.of("arch.npy", "kind.npy", "config.npy", "metrics.npy", "best_config.npy", "best_metrics.npy", "best_feasible.npy", "manifest.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("whole").resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
        }
        assertFalse(Files.exists(dir.resolve("killed.part")));
    }

    static long written(Path progress) throws IOException {
        if (!Files.isRegularFile(progress)) return 0;
        return new ObjectMapper().readTree(progress.toFile()).path("samples_written").asLong();
    }
}
