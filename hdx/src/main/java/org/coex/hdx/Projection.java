package org.coex.hdx;

import java.util.List;

/**
 * What {@link GradientProjector} made of an objective gradient g.
 *
 * @param gradient      g' (g itself, the same array, when nothing had to change)
 * @param multipliers   lambda_k >= 0 with g' = g + sum_k lambda_k h_k; 0 for constraints not acted on
 * @param unenforceable constraints whose gradient h_k is zero (or so small that the correction is not
 *                      finite): no step direction changes their metric, so they were left out
 * @param conflicting   constraints that cannot hold together with those already enforced (opposing
 *                      gradients, say); left out, the ones with the larger shortfall per unit of
 *                      |h_k| enforced first
 */
public record Projection(double[] gradient, double[] multipliers, List<Integer> unenforceable, List<Integer> conflicting) {
    public Projection {
        unenforceable = List.copyOf(unenforceable);
        conflicting = List.copyOf(conflicting);
    }

    /** True when every requested constraint was enforced. */
    public boolean complete() { return unenforceable.isEmpty() && conflicting.isEmpty(); }

    /** True when g was returned unchanged. */
    public boolean untouched() {
        for (double l : multipliers) if (l != 0) return false;
        return true;
    }
}
