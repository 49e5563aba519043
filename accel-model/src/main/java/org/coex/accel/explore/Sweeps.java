package org.coex.accel.explore;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.coex.accel.cost.NetworkCost;
import org.coex.accel.space.HwConfig;
import org.coex.accel.template.Accelerator;

/**
 * Front door of design-space sweeps: picks points ({@link Sampling}), evaluates the network at each
 * on all cores, and keeps the Pareto front. Evaluation is deterministic, so the parallel run equals
 * the sequential one point for point; the seed only drives sampling.
 */
public final class Sweeps {
    private Sweeps() {}

    public static SweepResult run(SweepSpec spec, ProgressListener progress) {
        long start = System.nanoTime();
        List<Long> indices = spec.sampling().indices(spec.space(), spec.samples(), spec.seed());
        long total = indices.size();
        AtomicLong done = new AtomicLong();
        long step = Math.max(1, total / 200);
        List<SweepPoint> points = indices.parallelStream().map(i -> {
            SweepPoint p = evaluate(spec, i);
            long d = done.incrementAndGet();
            if (d % step == 0 || d == total) progress.progress(d, total);
            return p;
        }).toList();
        List<SweepPoint> front = ParetoFront.of(points, spec.pareto());
        return SweepResult.of(spec, points, front, (System.nanoTime() - start) / 1e9);
    }

    /** One point: the template's refusal of a configuration makes it infeasible, not an error. */
    public static SweepPoint evaluate(SweepSpec spec, long index) {
        HwConfig config = spec.space().point(index).withAll(spec.fixed());
        try {
            Accelerator acc = spec.template().configure(config, spec.technology());
            NetworkCost cost = acc.evaluate(spec.network());
            return SweepPoint.feasible(index, config, cost.metrics(), cost.cycles());
        } catch (IllegalArgumentException e) {
            return SweepPoint.infeasible(index, config, e.getMessage());
        }
    }
}
