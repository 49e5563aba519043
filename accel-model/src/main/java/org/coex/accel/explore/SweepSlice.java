package org.coex.accel.explore;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.coex.accel.cluster.ClusterTask;
import org.coex.accel.cost.Metrics;

/**
 * One cluster task of a sweep: the points at sampling positions [from, to) (grid indices themselves,
 * or the given sampled indices), evaluated as on one machine. It keeps its own Pareto front,
 * returns the points the plot shows ({@link PlotSample}), and, when every point is to be written,
 * writes their {@code points.csv} rows to its own part file (moved into place whole, so a retried
 * task leaves one complete part). Reads the spec again from its text: the network and technology
 * files it names must be visible where the task runs.
 */
record SweepSlice(String source, SweepSpec.Origin origin, long seed, String output, long from, long to, long[] sampled,
                  long evaluatedTotal, String partFile) implements ClusterTask<SweepSlice.Done> {
    /** Points reduced to their front this often while a slice runs, so its memory stays bounded. */
    private static final int REDUCE_EVERY = 50_000;

    /** A point as it travels back to the driver: grid index, the five metrics (null if infeasible), cycles, or why infeasible. */
    record Row(long index, double[] metrics, long cycles, String reason) implements Serializable {
        static Row of(SweepPoint p) {
            if (!p.isFeasible()) return new Row(p.index(), null, 0, p.infeasibleReason());
            Metrics m = p.metrics();
            return new Row(p.index(), new double[] {m.latencyMs(), m.fps(), m.energyUj(), m.areaMm2(), m.edpUjMs()}, p.cycles(), null);
        }

        SweepPoint point(SweepSpec spec) {
            var config = spec.space().point(index).withAll(spec.fixed());
            return metrics == null ? SweepPoint.infeasible(index, config, reason)
                    : SweepPoint.feasible(index, config, new Metrics(metrics[0], metrics[1], metrics[2], metrics[3], metrics[4]), cycles);
        }
    }

    /** What a slice sends back: its counts, its front, and the points the plot shows. */
    record Done(long evaluated, long feasible, List<Row> front, List<Row> plotted) implements Serializable {}

    SweepSpec spec() { return SweepSpecs.reread(source, origin).withSeed(seed).withOutput(Path.of(output)); }

    @Override public Done run() throws IOException {
        SweepSpec spec = spec();
        List<SweepPoint> front = new ArrayList<>();
        List<SweepPoint> pending = new ArrayList<>();
        List<Row> plotted = new ArrayList<>();
        long feasible = 0;
        Path part = partFile == null ? null : Path.of(partFile);
        Path tmp = part == null ? null : part.resolveSibling(part.getFileName() + ".tmp");
        try (Writer w = tmp == null ? Writer.nullWriter() : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (long k = from; k < to; k++) {
                long index = sampled == null ? k : sampled[(int) (k - from)];
                SweepPoint p = Sweeps.evaluate(spec, index);
                if (p.isFeasible()) {
                    feasible++;
                    pending.add(p);
                }
                if (PlotSample.keeps(index, evaluatedTotal)) plotted.add(Row.of(p));
                if (tmp != null) w.write(SweepOutputs.row(spec, p, Set.of()));
                if (pending.size() >= REDUCE_EVERY) {
                    pending.addAll(front);
                    front = new ArrayList<>(ParetoFront.of(pending, spec.pareto()));
                    pending.clear();
                }
            }
        }
        pending.addAll(front);
        List<Row> frontRows = ParetoFront.of(pending, spec.pareto()).stream().map(Row::of).toList();
        if (part != null) Files.move(tmp, part, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Done(to - from, feasible, frontRows, plotted);
    }
}
