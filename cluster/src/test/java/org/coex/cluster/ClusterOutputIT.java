package org.coex.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster whose worker may not write the output folder (its Worker runs as user nobody, the
 * driver as root, as when the output is not on a file system the workers share writably): the
 * command says so in one line naming the output, exits with status 2 and leaves nothing behind.
 */
class ClusterOutputIT {
    private static final int NOBODY = 65534;
    @TempDir static Path scratch;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can start a worker as another user");
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));   // nobody may read in, not write
        cluster = new StandaloneCluster(CoexProcess.MODULE, scratch, 1, NOBODY);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    @Test
    void anOutputTheWorkersCannotWriteIsOneLineAndNothingWritten() throws IOException, InterruptedException {
        Path spec = Files.writeString(scratch.resolve("grid.yaml"), "network: alexnet\ntemplate: systolic\nspace: {rows: [8, 16], cols: [8, 16]}\npoints: all\n");
        Path out = scratch.resolve("out");
        Path log = scratch.resolve("out.log");
        Process p = CoexProcess.start(log, "sweep", spec.toString(), "-o", out.toString(), "--master", cluster.masterUrl);
        int status = CoexProcess.finish(p, log);
        String text = Files.readString(log);
        assertEquals(2, status, text);
        List<String> errors = text.lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), text);
        assertTrue(errors.get(0).startsWith("error: command line: -o: coex sweep alexnet failed on the cluster: a worker cannot write "
                + scratch.resolve("out.points-parts")) && errors.get(0).contains("(AccessDeniedException)"), errors.get(0));
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(errors.get(0), lines.get(lines.size() - 1), "coex's line ends it, no stack trace after it (Spark's own WARN log of the lost tasks comes before):\n" + text);
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(scratch.resolve("out.points-parts")), "the workers' part folder removed");
    }
}
