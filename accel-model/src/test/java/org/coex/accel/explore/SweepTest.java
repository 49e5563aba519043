package org.coex.accel.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.coex.accel.template.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    @TempDir Path dir;

    SweepSpec spec(String yaml) throws IOException {
        return SweepSpecs.load(Files.writeString(dir.resolve("sweep.yaml"), yaml));
    }

    @Test
    void aUserTemplateFoundByServiceLoaderRunsInASweep() throws IOException {
        assertTrue(Templates.names().contains("roofline"));
        SweepResult r = Sweeps.run(spec("network: resnet18\ntemplate: roofline\npareto: [latency, area]\n"), ProgressListener.NONE);
        assertEquals(12, r.points().size());   // 3 peaks x 2 bandwidths x 2 clocks
        SweepPoint fastest = r.front().get(0);
        assertEquals(4096, fastest.config().intValue("macs_per_cycle", 0));
        assertEquals(1000, fastest.config().intValue("clock_mhz", 0));
    }

    @Test
    void sameSeedGivesIdenticalSweepAndDifferentSeedsDiffer() throws IOException {
        String yaml = "network: mobilenetv2\nsampling: random\nsamples: 40\nseed: 5\n";
        SweepResult a = Sweeps.run(spec(yaml), ProgressListener.NONE);
        SweepResult b = Sweeps.run(spec(yaml), ProgressListener.NONE);
        assertEquals(a.points(), b.points());
        assertEquals(a.front(), b.front());
        SweepResult c = Sweeps.run(spec(yaml.replace("seed: 5", "seed: 6")), ProgressListener.NONE);
        assertNotEquals(a.points().stream().map(SweepPoint::index).toList(), c.points().stream().map(SweepPoint::index).toList());
    }

    @Test
    void parallelEvaluationEqualsSequential() throws IOException {
        SweepSpec s = spec("network: alexnet\nsampling: sobol\nsamples: 64\n");
        SweepResult parallel = Sweeps.run(s, ProgressListener.NONE);
        List<SweepPoint> sequential = s.sampling().indices(s.space(), s.samples(), s.seed()).stream()
                .map(i -> Sweeps.evaluate(s, i)).toList();
        assertEquals(sequential, parallel.points());
    }

    @Test
    void writesPointsFrontJsonPlotAndScaleSimConfigs() throws IOException {
        SweepSpec s = spec("network: resnet18\nspace: {rows: [8, 32], cols: [8, 32], dataflow: [os, ws]}\noutput: out\n");
        SweepResult r = Sweeps.run(s, ProgressListener.NONE);
        List<String> files = SweepOutputs.write(r);
        Path out = dir.resolve("out");
        assertEquals(9, Files.readAllLines(out.resolve("points.csv")).size());   // header + 8 points
        assertEquals(r.front().size() + 1, Files.readAllLines(out.resolve("pareto.csv")).size());
        byte[] png = Files.readAllBytes(out.resolve("pareto.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(Files.readString(out.resolve("pareto.json")).contains("\"spec_sha256\""));
        assertTrue(files.stream().anyMatch(f -> f.startsWith("front-scalesim/")));
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".coex-tmp")));
        }
    }

    @Test
    void frontPointsAreTheBestOfTheirMetric() throws IOException {
        SweepResult r = Sweeps.run(spec("network: resnet18\nsampling: random\nsamples: 300\n"), ProgressListener.NONE);
        double bestLatency = r.points().stream().mapToDouble(p -> p.metrics().latencyMs()).min().orElseThrow();
        assertEquals(bestLatency, r.front().stream().min(Comparator.comparingDouble(p -> p.metrics().latencyMs())).orElseThrow()
                .metrics().latencyMs());
    }
}
