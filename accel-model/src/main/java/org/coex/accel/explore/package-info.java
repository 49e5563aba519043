/**
 * Design-space exploration: sweeps over a {@link org.coex.accel.space.DesignSpace} by grid, random
 * or Sobol sampling, run on all cores, with Pareto fronts over latency, energy, area and EDP.
 * Front door: {@link org.coex.accel.explore.Sweeps}; specs: {@link org.coex.accel.explore.SweepSpecs};
 * files: {@link org.coex.accel.explore.SweepOutputs}.
 * <p>Pipeline: {@code space} -> <b>explore</b> asks {@code template} for costs; it never reaches into a
 * cost model. The seed drives sampling only; evaluation is deterministic, so parallel equals sequential.
 */
package org.coex.accel.explore;
