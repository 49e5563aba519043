/**
 * Mapping search: which loop tiling, spatial unrolling and loop order a convolution gets on a
 * spatial accelerator. {@link org.coex.accel.mapping.MapSpace} states what a dataflow allows per level;
 * {@link org.coex.accel.mapping.MappingSearch} finds the best legal mapping under a
 * {@link org.coex.accel.mapping.Metric} using {@code nest} for every cost.
 * <p>Pipeline: problem + architecture + map space -> <b>mapping</b> -> {@code nest} -> cost.
 * Deterministic; every mapping it returns fits its buffers.
 */
package org.coex.accel.mapping;
