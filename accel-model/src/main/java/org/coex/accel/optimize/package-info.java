/**
 * Constrained hardware optimization with Timefold Solver: the best configuration of a design space
 * for a fixed network, minimizing an {@link org.coex.accel.optimize.Objective} under
 * {@link org.coex.accel.optimize.HardLimit}s. Front door: {@link org.coex.accel.optimize.HwOptimizer};
 * baseline: {@link org.coex.accel.optimize.RandomSearch}; specs: {@link org.coex.accel.optimize.OptimizeSpecs}.
 * <p>Pipeline: {@code space} + {@code template} -> <b>optimize</b>. Timefold stays in this package.
 * Budgets count distinct cost-model evaluations, never wall time.
 */
package org.coex.accel.optimize;
