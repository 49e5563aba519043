package org.coex.accel.explore;

import org.coex.accel.cost.Metrics;
import org.coex.accel.space.HwConfig;

/**
 * One evaluated point of a sweep: its grid index, configuration, and either metrics or the reason
 * the template refused it.
 */
public record SweepPoint(long index, HwConfig config, Metrics metrics, long cycles, String infeasibleReason) {

    public static SweepPoint feasible(long index, HwConfig config, Metrics metrics, long cycles) {
        return new SweepPoint(index, config, metrics, cycles, null);
    }

    public static SweepPoint infeasible(long index, HwConfig config, String reason) {
        return new SweepPoint(index, config, null, 0, reason);
    }

    public boolean isFeasible() { return metrics != null; }
}
