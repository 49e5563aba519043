package org.coex.evaluator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.spec.SpecException;
import org.coex.evaluator.cube.CostCube;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGenerationTest {
    static final CostCube CUBE = CostDatasetTest.CUBE;
    static final Objective LATENCY = Objective.of(Metrics.Name.LATENCY);
    static final List<HardLimit> AREA = List.of(new HardLimit(Metrics.Name.AREA, 1.0));
    static final int SAMPLES = 5000;   // three chunks of 2,048 samples, the last one short

    @TempDir Path dir;

    DatasetGeneration.Request request(long seed) {
        return new DatasetGeneration.Request(CUBE, new OptimalConfigs(CUBE, LATENCY, AREA), SAMPLES, seed, LATENCY, AREA);
    }

    /** Every file of a dataset folder, by name. */
    static java.util.Map<String, byte[]> files(Path folder) throws IOException {
        java.util.Map<String, byte[]> m = new java.util.TreeMap<>();
        try (var s = Files.list(folder)) {
            for (Path f : s.toList()) m.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        return m;
    }

    static void assertSameFiles(Path a, Path b) throws IOException {
        var fa = files(a);
        var fb = files(b);
        assertEquals(fa.keySet(), fb.keySet());
        for (String name : fa.keySet()) assertArrayEquals(fa.get(name), fb.get(name), name);
    }

    @Test
    void aDatasetWrittenChunkByChunkEqualsOneMadeAtOnce() throws IOException {
        DatasetFiles.write(CostDataset.generate(CUBE, new OptimalConfigs(CUBE, LATENCY, AREA), SAMPLES, 7, LATENCY, AREA, ProgressListener.NONE), dir.resolve("once"));
        assertEquals(SAMPLES, DatasetGeneration.run(request(7), dir.resolve("chunks"), false, s -> { }, ProgressListener.NONE, CostDataset.BLOCK).labelled());
        assertSameFiles(dir.resolve("once"), dir.resolve("chunks"));
        assertEquals(List.of("arch.npy", "best_config.npy", "best_feasible.npy", "best_metrics.npy", "config.npy", "kind.npy", "manifest.json", "metrics.npy"),
                List.copyOf(files(dir.resolve("chunks")).keySet()));
        assertFalse(Files.exists(dir.resolve("chunks.part")), "the staging folder is gone");
        // the disk estimate is the arrays' size, headers aside
        long data = 0;
        for (var e : files(dir.resolve("chunks")).entrySet()) if (e.getKey().endsWith(".npy")) data += e.getValue().length - 128;
        assertEquals(SAMPLES * DatasetWriter.bytesPerSample(CUBE.key().encoding().length(), 3), data);
    }

    @Test
    void aStoppedGenerationResumesToTheSameFiles() throws IOException {
        Path whole = dir.resolve("whole");
        DatasetGeneration.run(request(3), whole, false, s -> { }, ProgressListener.NONE, CostDataset.BLOCK);
        Path out = dir.resolve("stopped");
        // stopped while labelling the second chunk: the first is on the disk
        ProgressListener stopInSecondChunk = (done, total) -> {
            if (done > CostDataset.BLOCK) throw new IllegalStateException("stopped");
        };
        assertThrows(IllegalStateException.class, () -> DatasetGeneration.run(request(3), out, false, s -> { }, stopInSecondChunk, CostDataset.BLOCK));
        assertFalse(Files.exists(out.resolve("manifest.json")), "a stopped run is never taken for a whole one");
        assertEquals(CostDataset.BLOCK, DatasetWriter.stoppedAt(out));
        // and killed half-way through appending: bytes past the last whole chunk
        Files.write(out.resolveSibling("stopped.part/arch.npy"), new byte[1000], StandardOpenOption.APPEND);
        SpecException notAsked = assertThrows(SpecException.class, () -> DatasetGeneration.run(request(3), out, false, s -> { }, ProgressListener.NONE));
        assertTrue(notAsked.getMessage().contains("--resume") && notAsked.getMessage().contains("2048"), notAsked.getMessage());
        SpecException otherSeed = assertThrows(SpecException.class, () -> DatasetGeneration.run(request(4), out, true, s -> { }, ProgressListener.NONE));
        assertTrue(otherSeed.getMessage().contains("seed 3") && otherSeed.getMessage().contains("asks for 4"), otherSeed.getMessage());
        List<String> said = new ArrayList<>();
        assertEquals(SAMPLES - CostDataset.BLOCK, DatasetGeneration.run(request(3), out, true, said::add, ProgressListener.NONE, 2 * CostDataset.BLOCK).labelled());
        assertTrue(said.get(0).contains("continuing after 2,048 of 5,000"), said.toString());
        assertSameFiles(whole, out);
    }

    @Test
    void resumingWithNothingStoppedStartsOver() throws IOException {
        List<String> said = new ArrayList<>();
        DatasetGeneration.run(request(5), dir.resolve("fresh"), true, said::add, ProgressListener.NONE);
        assertTrue(said.get(0).startsWith("nothing to resume"), said.toString());
        assertTrue(Files.isRegularFile(dir.resolve("fresh/manifest.json")));
    }

    @Test
    void theFolderReadsBackRowForRowWhereItLies() throws IOException {
        CostDataset d = CostDataset.generate(CUBE, new OptimalConfigs(CUBE, LATENCY, AREA), 3000, 11, LATENCY, AREA, ProgressListener.NONE);
        DatasetFiles.write(d, dir.resolve("d"));
        LabelledSamples back = DatasetFiles.read(dir.resolve("d"), CUBE);
        assertEquals(d.size(), back.size());
        assertEquals(AREA, back.limits());
        assertEquals(LATENCY.toString(), back.objective().toString());
        for (int i = 0; i < d.size(); i++) {
            assertArrayEquals(d.archRow(i), back.archRow(i));
            assertEquals(d.configIndex(i), back.configIndex(i));
            assertEquals(d.bestConfigIndex(i), back.bestConfigIndex(i));
            assertEquals(d.bestMeetsLimits(i), back.bestMeetsLimits(i));
            for (int m = 0; m < 3; m++) assertEquals(d.metric(i, m), back.metric(i, m));
        }
    }

    @Test
    void aFolderCutShortIsRefusedInOneLine() throws IOException {
        DatasetFiles.write(CostDataset.generate(CUBE, 100, 1, LATENCY, List.of(), ProgressListener.NONE), dir.resolve("d"));
        Path metrics = dir.resolve("d/metrics.npy");
        byte[] b = Files.readAllBytes(metrics);
        Files.write(metrics, java.util.Arrays.copyOf(b, b.length - 24));
        for (org.junit.jupiter.api.function.Executable reading : List.<org.junit.jupiter.api.function.Executable>of(
                () -> DatasetFiles.read(dir.resolve("d"), CUBE), () -> DatasetFiles.checkArrays(dir.resolve("d")))) {
            SpecException e = assertThrows(SpecException.class, reading);
            assertTrue(e.getMessage().contains("metrics.npy is cut short") && e.getMessage().contains("coex evaluator generate"), e.getMessage());
        }
        Files.delete(dir.resolve("d/kind.npy"));
        SpecException missing = assertThrows(SpecException.class, () -> DatasetFiles.checkArrays(dir.resolve("d")));
        assertTrue(missing.getMessage().contains("no " + dir.resolve("d/kind.npy")), missing.getMessage());
    }

    @Test
    void aDamagedValueIsNamedWithItsFileSampleAndColumn() throws IOException {
        DatasetFiles.write(CostDataset.generate(CUBE, 100, 1, LATENCY, List.of(), ProgressListener.NONE), dir.resolve("d"));
        var ds = CUBE.key().designSpace();
        DatasetFiles.checkValues(dir.resolve("d"), ds);   // as written: every value in range
        Path config = dir.resolve("d/config.npy");
        byte[] original = Files.readAllBytes(config);
        byte[] b = original.clone();
        int header = b.length - 100 * ds.parameters().size() * 4;
        int at = header + (7 * ds.parameters().size() + 1) * 4;   // sample 7, column 1
        java.nio.ByteBuffer.wrap(b, at, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(99);
        Files.write(config, b);
        SpecException e = assertThrows(SpecException.class, () -> DatasetFiles.checkValues(dir.resolve("d"), ds));
        assertTrue(e.getMessage().contains("config.npy: sample 7, column 1 holds 99, not a value index below " + ds.parameters().get(1).size()), e.getMessage());
        Files.write(config, original);
        Path arch = dir.resolve("d/arch.npy");
        b = Files.readAllBytes(arch);
        java.nio.ByteBuffer.wrap(b, b.length - 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN);
        Files.write(arch, b);
        e = assertThrows(SpecException.class, () -> DatasetFiles.checkValues(dir.resolve("d"), ds));
        assertTrue(e.getMessage().contains("arch.npy: sample 99, column ") && e.getMessage().contains("holds NaN, not a probability in [0, 1]"), e.getMessage());
    }

    @Test
    void aManifestThatIsNotWellFormedOrLacksAKeyIsOneLineNamingIt() throws IOException {
        DatasetFiles.write(CostDataset.generate(CUBE, 10, 1, LATENCY, List.of(), ProgressListener.NONE), dir.resolve("d"));
        Path manifest = dir.resolve("d/manifest.json");
        String good = Files.readString(manifest);
        Files.writeString(manifest, good.substring(0, good.length() / 2));
        SpecException e = assertThrows(SpecException.class, () -> DatasetFiles.manifest(dir.resolve("d")));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains("manifest.json") && e.getMessage().contains("not valid JSON"), e.getMessage());
        Files.writeString(manifest, good.replace("\"objective_weights\"", "\"objective_weight\""));
        e = assertThrows(SpecException.class, () -> DatasetFiles.manifest(dir.resolve("d")));
        assertTrue(e.getMessage().contains("missing key 'objective_weights'"), e.getMessage());
        Files.writeString(manifest, good.replace("coex-cost-dataset/1", "something-else"));
        e = assertThrows(SpecException.class, () -> DatasetFiles.manifest(dir.resolve("d")));
        assertTrue(e.getMessage().contains("format: 'something-else' is not coex-cost-dataset/1"), e.getMessage());
    }
}
