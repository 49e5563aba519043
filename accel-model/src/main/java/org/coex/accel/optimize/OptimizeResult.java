package org.coex.accel.optimize;

/**
 * The outcome of an optimization.
 *
 * @param best        the best configuration found; when nothing is feasible, the least-violating one
 * @param proven      true when every configuration was examined (exhaustive search): best is the optimum
 * @param evaluations distinct configurations costed
 * @param method      "exhaustive" or "local search"
 */
public record OptimizeResult(Candidate best, boolean proven, long evaluations, String method) {
    public boolean feasible() { return best.isFeasible(); }
}
