/**
 * Loop-nest analysis of convolutions on spatial accelerators, the way Timeloop counts: a
 * {@link org.coex.accel.nest.ConvProblem}, an {@link org.coex.accel.nest.Architecture} (storage levels
 * innermost first) and a {@link org.coex.accel.nest.Mapping} (per level: temporal loops, spatial loops,
 * kept tensors) give per-level reads, fills and updates, cycles and energy. Front door:
 * {@link org.coex.accel.nest.NestAnalysis}; legality: {@link org.coex.accel.nest.MappingChecks}.
 * <p>Pipeline: problem + architecture + mapping -> <b>nest</b> -> counts; used by the Timeloop drop-in
 * ({@code interop}) and, next, the spatial template and its mapping search. Counts are in words.
 * Validated against Timeloop's reference runs (docs/validation.md).
 */
package org.coex.accel.nest;
