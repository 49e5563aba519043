package org.coex.evaluator.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.coex.accel.cluster.ClusterTask;
import org.coex.accel.cluster.TaskRunner;

/**
 * {@code coex evaluator generate} on a cluster: the samples still to label are cut into the chunks
 * of {@link DatasetGeneration} (a whole number of blocks each), one cluster task per chunk. A task
 * labels its rows exactly as the plain run does (a sample's labels depend only on the seed and its
 * index) and writes them as raw array files beside the output ({@code OUT.label-parts/}); the
 * driver appends them in order into the same staging folder, progress file and final arrays as the
 * plain run, so the manifest and .npy files are the plain run's byte for byte, for any number of
 * tasks, and a stopped run resumes from its last whole chunk as before.
 */
public final class ClusterGeneration {
    /** Makes the task that labels samples [from, from + count) into the folder {@code dir} ({@link #writeRows}). */
    @FunctionalInterface
    public interface Chunks {
        ClusterTask<Integer> task(long from, int count, String dir);
    }

    private ClusterGeneration() {}

    /** @see DatasetGeneration#run(DatasetGeneration.Request, Path, boolean, Consumer, org.coex.accel.explore.ProgressListener) */
    public static DatasetGeneration.Written run(DatasetGeneration.Request r, Path out, boolean resume, Consumer<String> say, TaskRunner runner,
                                                Chunks chunks) throws IOException {
        return run(r, out, resume, say, runner, chunks, DatasetGeneration.CHUNK);
    }

    static DatasetGeneration.Written run(DatasetGeneration.Request r, Path out, boolean resume, Consumer<String> say, TaskRunner runner,
                                         Chunks chunks, int chunk) throws IOException {
        long stopped = DatasetGeneration.refuseToRestart(out, resume);
        if (resume && stopped < 0) say.accept("nothing to resume in " + DatasetWriter.partFolder(out) + ": starting from sample 0");
        int length = r.costs().key().encoding().length();
        var ds = r.costs().key().designSpace();
        Path parts = partsFolder(out);
        try (DatasetWriter w = stopped >= 0 ? DatasetWriter.resume(out, r.manifest(), ds, length) : DatasetWriter.start(out, r.manifest(), ds, length)) {
            long first = w.written();
            if (first > 0) say.accept(String.format(java.util.Locale.ROOT, "continuing after %,d of %,d samples", first, r.samples()));
            DatasetWriter.deleteFolder(parts);
            Files.createDirectories(parts);
            List<ClusterTask<Integer>> tasks = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (long from = first; from < r.samples(); from += chunk) {
                int count = (int) Math.min(chunk, r.samples() - from);
                Path dir = parts.resolve(String.format("chunk-%012d", from));
                tasks.add(chunks.task(from, count, dir.toString()));
                dirs.add(dir);
                counts.add(count);
            }
            runner.run("coex evaluator generate", tasks);
            for (int i = 0; i < dirs.size(); i++) {
                w.appendRowFiles(dirs.get(i), counts.get(i));
                DatasetWriter.deleteFolder(dirs.get(i));
            }
            w.finish();
            return new DatasetGeneration.Written(r.samples() - first, w.meetLimits());
        } finally {
            DatasetWriter.deleteFolder(parts);
        }
    }

    /** Labels one chunk and writes its rows where the driver reads them (the task's body). */
    public static int labelChunk(DatasetGeneration.Request r, long from, int count, Path dir) throws IOException {
        CostDataset rows = CostDataset.generate(r.costs(), r.optima(), from, count, r.seed(), r.objective(), r.limits(),
                org.coex.accel.explore.ProgressListener.NONE);
        DatasetWriter.writeRows(DatasetWriter.rows(rows, r.costs().key().designSpace()), dir);
        return count;
    }

    /** Where the tasks write their chunks: beside the output, so it must be visible to every worker. */
    static Path partsFolder(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".label-parts");
    }
}
