package org.coex.evaluator.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;
import org.coex.evaluator.cube.ConfigCosts;

/**
 * {@code coex evaluator generate}'s work: the dataset labelled and written chunk by chunk
 * ({@value #CHUNK} samples, a whole number of {@link CostDataset#BLOCK}s), so memory does not grow
 * with the number of samples and a stopped run continues from its last whole chunk. Each chunk's rows
 * are those of the whole dataset ({@link CostDataset#generate(ConfigCosts, Optima, long, int, long,
 * Objective, List, ProgressListener)}), so the files equal a run made at once, byte for byte.
 */
public final class DatasetGeneration {
    public static final int CHUNK = 16 * CostDataset.BLOCK;

    private DatasetGeneration() {}

    /**
     * Samples the stopped generation for {@code out} wrote (-1: none), checked before any work.
     *
     * @throws SpecException if there is one and {@code resume} is false: it is not thrown away unasked
     */
    public static long refuseToRestart(Path out, boolean resume) throws IOException {
        long stopped = DatasetWriter.stoppedAt(out);
        if (stopped >= 0 && !resume) {
            throw new SpecException(new Problem(DatasetWriter.partFolder(out).toString(), 0, "--resume", "holds a generation stopped after " + stopped
                    + " samples; continue it with --resume (same options), or delete the folder to start over"));
        }
        return stopped;
    }

    /** What a run wrote: the samples it labelled itself (fewer than the dataset's when it continued a stopped run), and how many of the dataset's optima meet every limit. */
    public record Written(long labelled, long meetLimits) {}

    /** One dataset: its costs, how optima are found, the number of samples, the seed, the objective and limits of the optima. */
    public record Request(ConfigCosts costs, Optima optima, int samples, long seed, Objective objective, List<HardLimit> limits) {
        Map<String, Object> manifest() { return DatasetFiles.manifest(costs, objective, limits, seed, samples, optima.method()); }
    }

    /**
     * Writes the dataset into {@code out}.
     *
     * @param resume continue the stopped generation for {@code out} (starting afresh, with a notice, when there is none)
     * @return what it wrote
     * @throws SpecException if a stopped generation exists and {@code resume} is false, or it was made with other settings
     */
    public static Written run(Request r, Path out, boolean resume, Consumer<String> say, ProgressListener progress) throws IOException {
        return run(r, out, resume, say, progress, CHUNK);
    }

    /** @param chunk samples per chunk, a multiple of {@link CostDataset#BLOCK} */
    static Written run(Request r, Path out, boolean resume, Consumer<String> say, ProgressListener progress, int chunk) throws IOException {
        if (chunk % CostDataset.BLOCK != 0) throw new IllegalArgumentException("a chunk is a whole number of blocks, not " + chunk);
        long stopped = refuseToRestart(out, resume);
        if (resume && stopped < 0) say.accept("nothing to resume in " + DatasetWriter.partFolder(out) + ": starting from sample 0");
        int length = r.costs().key().encoding().length();
        var ds = r.costs().key().designSpace();
        try (DatasetWriter w = stopped >= 0 ? DatasetWriter.resume(out, r.manifest(), ds, length) : DatasetWriter.start(out, r.manifest(), ds, length)) {
            long first = w.written();
            if (first > 0) say.accept(String.format(java.util.Locale.ROOT, "continuing after %,d of %,d samples", first, r.samples()));
            while (w.written() < r.samples()) {
                long from = w.written();
                int count = (int) Math.min(chunk, r.samples() - from);
                w.append(CostDataset.generate(r.costs(), r.optima(), from, count, r.seed(), r.objective(), r.limits(),
                        (done, total) -> progress.progress(from + done, r.samples())));
            }
            w.finish();
            return new Written(r.samples() - first, w.meetLimits());
        }
    }
}
