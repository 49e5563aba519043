package org.coex.accel.optimize;

import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.HwConfig;

/**
 * One evaluated configuration: its metrics (null when the template refused it), the total relative
 * violation of the hard limits, and the objective.
 */
public record Candidate(long index, HwConfig config, Metrics metrics, double violation, double objective, String refusal) {

    public boolean isFeasible() { return metrics != null && violation == 0; }

    /** Score as Timefold sees it: hard = -violation in millionths (refusals worst), soft = -objective in millionths. */
    public ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore score() {
        if (metrics == null) return ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore.of(-Long.MAX_VALUE / 4, 0);
        return ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore.of(-Math.round(violation * 1e6),
                -Math.round(objective * 1e6));
    }

    /** Better = fewer violations, then lower objective, then lower grid index (deterministic ties). */
    public static int compare(Candidate a, Candidate b) {
        int c = a.score().compareTo(b.score());
        return c != 0 ? -c : Long.compare(a.index(), b.index());
    }

    public static Candidate best(List<Candidate> candidates) {
        return candidates.stream().min(Candidate::compare).orElseThrow();
    }
}
