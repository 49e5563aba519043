package org.coex.accel.explore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.coex.accel.cluster.TaskRunner;

/**
 * A sweep on a cluster: the sampling positions are cut into slices ({@link SweepSlice}), each
 * evaluated by one task that keeps its own front; the driver merges the fronts (the front of the
 * union of fronts is the front of all points) and, when every point is to be written, streams the
 * slices' part files into {@code points.csv}. The grid is never held in one JVM: a grid slice is an
 * index range, and only sampled sweeps send their (at most {@code samples}) indices.
 */
public final class ClusterSweeps {
    /** Points per slice at most; a job has at least two slices per task slot. */
    static final long SLICE_POINTS = 250_000;

    private ClusterSweeps() {}

    /**
     * How many slices {@code total} points are cut into for {@code slots} task slots: at least two per
     * slot and at most {@link #SLICE_POINTS} points each, rounded up to a multiple of the slots so that
     * no slot idles through the last round (5 slices on 2 slots take 3 rounds, 6 smaller ones the time
     * of 2.5 of those); never more slices than points.
     */
    static long sliceCount(long total, int slots) {
        long p = Math.max(1, slots);
        long wanted = Math.max(2 * p, (total + SLICE_POINTS - 1) / SLICE_POINTS);
        return Math.max(1, Math.min(total, (wanted + p - 1) / p * p));
    }

    public static SweepResult run(SweepSpec spec, TaskRunner runner) throws IOException {
        long start = System.nanoTime();
        long size = spec.space().size();
        boolean grid = spec.sampling() == Sampling.GRID || spec.samples() >= size;
        List<Long> sampled = grid ? null : spec.sampling().indices(spec.space(), spec.samples(), spec.seed());
        long total = grid ? size : sampled.size();
        long slices = sliceCount(total, runner.parallelism());
        Path parts = spec.points().resolve(total) == PointsOutput.ALL ? partsFolder(spec) : null;
        if (parts != null) {
            deleteParts(parts);
            Files.createDirectories(parts);
        }
        List<SweepSlice> tasks = new ArrayList<>();
        List<Path> partFiles = new ArrayList<>();
        for (long k = 0; k < slices; k++) {
            long from = total * k / slices;
            long to = total * (k + 1) / slices;
            long[] indices = grid ? null : sampled.subList((int) from, (int) to).stream().mapToLong(Long::longValue).toArray();
            Path part = parts == null ? null : parts.resolve(String.format("part-%06d.csv", k));
            if (part != null) partFiles.add(part);
            tasks.add(new SweepSlice(spec.source(), spec.origin(), spec.seed(), spec.output().toString(), from, to, indices, total,
                    part == null ? null : part.toString()));
        }
        List<SweepSlice.Done> done = runner.run("coex sweep " + spec.network().name(), tasks);
        List<SweepPoint> fronts = new ArrayList<>();
        List<SweepPoint> plotted = new ArrayList<>();
        long feasible = 0;
        for (SweepSlice.Done d : done) {
            feasible += d.feasible();
            d.front().forEach(r -> fronts.add(r.point(spec)));
            d.plotted().forEach(r -> plotted.add(r.point(spec)));
        }
        List<SweepPoint> front = ParetoFront.of(fronts, spec.pareto());
        return new SweepResult(spec, plotted, front, total, feasible, (System.nanoTime() - start) / 1e9, partFiles);
    }

    /** Where the slices write their rows: beside the output folder, so it must be visible to every worker. */
    static Path partsFolder(SweepSpec spec) {
        return spec.output().resolveSibling(spec.output().getFileName() + ".points-parts");
    }

    /** Removes the slices' part files once points.csv holds them (or after a failed job). */
    public static void deleteParts(SweepSpec spec) throws IOException { deleteParts(partsFolder(spec)); }

    private static void deleteParts(Path parts) throws IOException {
        if (!Files.exists(parts)) return;
        try (Stream<Path> left = Files.walk(parts)) {
            for (Path f : left.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
