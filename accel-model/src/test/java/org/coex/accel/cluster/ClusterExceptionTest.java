package org.coex.accel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterExceptionTest {
    @TempDir Path dir;

    @Test
    void aMasterFromTheSpecIsBlamedAtItsKeyAndLine() throws IOException {
        Path spec = Files.writeString(dir.resolve("s.yaml"), "network: alexnet\ncluster:\n  conf: {spark.task.cpus: 1}\n  master: spark://h:1\noutput: x\n");
        ClusterException e = new ClusterException("--master", "no Spark master answers at spark://h:1", null);
        assertEquals(spec + ":4: cluster.master: no Spark master answers at spark://h:1", e.asProblem(null, spec).problems().get(0).toString());
        assertEquals("command line: --master: no Spark master answers at spark://h:1", e.asProblem("spark://h:1", spec).problems().get(0).toString(),
                "given on the command line, the option is blamed");
        Path inline = Files.writeString(dir.resolve("t.yaml"), "network: alexnet\ncluster: {master: 'spark://h:1'}\n");
        assertEquals(2, e.asProblem(null, inline).problems().get(0).line());
        ClusterException output = new ClusterException("-o", "a worker cannot write /x", null);
        assertEquals("command line: -o: a worker cannot write /x", output.asProblem(null, spec).problems().get(0).toString());
    }
}
