/**
 * Cost reports: per layer ({@link org.coex.accel.cost.LayerCost}: cycles, access counts, energy by
 * component), per network ({@link org.coex.accel.cost.NetworkCost}: plus area by component and
 * clock) and the headline {@link org.coex.accel.cost.Metrics} (latency ms, fps, energy uJ, area
 * mm<sup>2</sup>, EDP uJ*ms).
 * <p>Pipeline: {@code template} -> <b>cost</b> -> {@code explore}, {@code interop}. Values only: no
 * dependency on templates. Energies in pJ, areas in um<sup>2</sup> until {@link org.coex.accel.cost.Metrics}.
 */
package org.coex.accel.cost;
