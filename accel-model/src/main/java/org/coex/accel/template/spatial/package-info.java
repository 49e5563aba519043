/**
 * The built-in {@code spatial} template: an Eyeriss-like accelerator (PE array with ifmap / weights
 * / psum register files, global buffer, DRAM) under weight-, output- or row-stationary dataflows.
 * Front door: {@link org.coex.accel.template.spatial.SpatialTemplate}.
 * <p>Pipeline: layer -> {@code nest.ConvProblem} -> {@code mapping.MappingSearch} over the dataflow's
 * map space -> {@code nest.NestAnalysis} -> {@code cost.LayerCost}. Units: words, cycles, pJ, um<sup>2</sup>.
 */
package org.coex.accel.template.spatial;
