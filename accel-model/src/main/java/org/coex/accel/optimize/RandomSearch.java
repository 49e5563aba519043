package org.coex.accel.optimize;

import java.util.ArrayList;
import java.util.List;
import org.coex.accel.explore.Sampling;

/** The baseline an optimizer must beat: {@code budget} distinct uniformly random configurations, the best kept. */
public final class RandomSearch {
    private RandomSearch() {}

    public static OptimizeResult optimize(OptimizeProblem problem, long budget, long seed) {
        List<Candidate> seen = new ArrayList<>();
        for (long i : Sampling.RANDOM.indices(problem.space(), budget, seed)) seen.add(problem.candidate(i));
        return new OptimizeResult(Candidate.best(seen), seen.size() == problem.space().size(), problem.evaluations(), "random search");
    }
}
