package org.coex.evaluator.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coex.accel.cluster.ClusterTask;
import org.coex.accel.cluster.TaskRunner;
import org.coex.accel.explore.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels made by cluster tasks, in any number of chunks, are the plain run's files byte for byte. */
class ClusterGenerationTest {
    @TempDir Path dir;

    /** Runs each task in this JVM after a round trip through Java serialization, as a cluster would ship it; last first, to show order does not matter. */
    static final class InProcessRunner implements TaskRunner {
        int tasks;

        @Override public int parallelism() { return 2; }

        @Override @SuppressWarnings("unchecked")
        public <T extends Serializable> List<T> run(String job, List<? extends ClusterTask<T>> list) {
            List<T> out = new ArrayList<>(java.util.Collections.nCopies(list.size(), null));
            for (int i = list.size() - 1; i >= 0; i--) {
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) { o.writeObject(list.get(i)); }
                    ClusterTask<T> shipped = (ClusterTask<T>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
                    out.set(i, shipped.run());
                    tasks++;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }

        @Override public void close() { }
    }

    /** The task of a test: labels with the test's request, which it finds again by seed (a real task reads its command line again). */
    record Chunk(long seed, long from, int count, String dir) implements ClusterTask<Integer> {
        @Override public Integer run() {
            try {
                return ClusterGeneration.labelChunk(new DatasetGenerationTest().request(seed), from, count, Path.of(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void anyNumberOfChunkTasksWritesThePlainRunsFiles() throws IOException {
        DatasetGenerationTest fixture = new DatasetGenerationTest();
        DatasetGeneration.run(fixture.request(5), dir.resolve("plain"), false, s -> { }, ProgressListener.NONE);
        for (int chunk : new int[] {CostDataset.BLOCK, 2 * CostDataset.BLOCK}) {
            Path out = dir.resolve("cluster-" + chunk);
            InProcessRunner runner = new InProcessRunner();
            var written = ClusterGeneration.run(fixture.request(5), out, false, s -> { }, runner, (from, count, d) -> new Chunk(5, from, count, d), chunk);
            assertEquals(DatasetGenerationTest.SAMPLES, written.labelled());
            assertEquals((DatasetGenerationTest.SAMPLES + chunk - 1) / chunk, runner.tasks, "one task per chunk");
            DatasetGenerationTest.assertSameFiles(dir.resolve("plain"), out);
            assertFalse(Files.exists(dir.resolve("cluster-" + chunk + ".label-parts")), "the chunks' folders are gone");
            assertFalse(Files.exists(dir.resolve("cluster-" + chunk + ".part")), "the staging folder is gone");
        }
    }
}
