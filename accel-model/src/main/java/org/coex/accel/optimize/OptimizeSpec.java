package org.coex.accel.optimize;

import java.nio.file.Path;
import java.util.List;
import org.coex.accel.explore.Target;

/** A validated {@code coex optimize} spec: what to explore, what to minimize, the hard limits, the budget. */
public record OptimizeSpec(String source, String specSha256, Target target, Objective objective, List<HardLimit> limits,
                           long budget, long seed, Path output) {
    public OptimizeSpec {
        limits = List.copyOf(limits);
    }

    public OptimizeProblem problem() {
        return new OptimizeProblem(target.network(), target.template(), target.technology(), target.space(), target.fixed(),
                objective, limits);
    }
}
