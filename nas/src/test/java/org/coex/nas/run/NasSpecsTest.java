package org.coex.nas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.spec.SpecException;
import org.coex.nas.supernet.PathSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NasSpecsTest {
    @TempDir Path dir;

    @Test
    void theDefaultIsTheFashionMnistSpaceWithBinaryGates() {
        NasSpec s = NasSpecs.builtInDefault();
        assertEquals("fashion-mnist-default", s.space().name());
        assertEquals(PathSampler.Strategy.BINARY_GATES, s.config().strategy());
        assertEquals(5_000, s.validationSize());
    }

    @Test
    void aHardwareSectionMakesTheSearchHardwareAware() throws IOException {
        Path f = Files.writeString(dir.resolve("h.yaml"), "hardware: {template: systolic, config: {rows: 16, cols: 16}, metric: energy}\nlambda: 0.3\n");
        NasSpec s = NasSpecs.load(f);
        assertEquals(0.3, s.config().costLambda());
        assertEquals(org.coex.accel.cost.Metrics.Name.ENERGY, s.hardware().metric());
        Path bad = Files.writeString(dir.resolve("b.yaml"), "hardware: {template: tpu}\nlambda: 1\n");
        SpecException e = assertThrows(SpecException.class, () -> NasSpecs.load(bad));
        assertEquals(2, e.problems().size(), e.problems().toString());   // unknown template, and lambda without hardware
    }

    @Test
    void everyMistakeIsOneLine() throws IOException {
        Path f = Files.writeString(dir.resolve("n.yaml"), "epochs: 2\nwarmup_epochs: 5\nstrategy: darts\nweight_lr: -1\nbatchsize: 64\n");
        SpecException e = assertThrows(SpecException.class, () -> NasSpecs.load(f));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(f.toString(), "n.yaml")).toList();
        assertEquals(List.of(
                "n.yaml:5: batchsize: unknown key 'batchsize'; did you mean 'batch_size'?",
                "n.yaml:2: warmup_epochs: must not exceed epochs (2)",
                "n.yaml:3: strategy: must be gumbel or binary_gates (found \"darts\")",
                "n.yaml:4: weight_lr: must be > 0 (found -1)"), lines);
    }
}
