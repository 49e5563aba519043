package org.coex.accel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.YamlDocument;
import org.junit.jupiter.api.Test;

class ClusterExceptionTest {
    private static final Path SPEC = Path.of("s.yaml");

    static ClusterSettings fromSpec(String yaml) {
        Optional<ClusterSettings> c = ClusterSettings.read(YamlDocument.parse(SPEC, yaml).root(new Problems()).child("cluster"));
        return c.orElseThrow();
    }

    @Test
    void aMasterFromTheSpecIsBlamedAtItsKeyAndLine() {
        ClusterSettings spec = fromSpec("network: alexnet\ncluster:\n  conf: {spark.task.cpus: 1}\n  master: spark://h:1\noutput: x\n");
        ClusterException e = new ClusterException("--master", "no Spark master answers at spark://h:1", null);
        assertEquals("s.yaml:4: cluster.master: no Spark master answers at spark://h:1", e.asProblem(spec, SPEC).problems().get(0).toString());
        assertEquals("command line: --master: no Spark master answers at spark://h:1",
                e.asProblem(ClusterSettings.of(Optional.of(spec), "spark://h:1").orElseThrow(), SPEC).problems().get(0).toString(),
                "given on the command line, the option is blamed");
        assertEquals(2, e.asProblem(fromSpec("network: alexnet\ncluster: {master: 'spark://h:1'}\n"), SPEC).problems().get(0).line());
        ClusterException output = new ClusterException("-o", "a worker cannot write /x", null);
        assertEquals("command line: -o: a worker cannot write /x", output.asProblem(spec, SPEC).problems().get(0).toString());
    }
}
