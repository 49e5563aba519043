/**
 * Interop with the tools the field uses. SCALE-Sim v2: {@link org.coex.accel.interop.ScaleSim}
 * (the {@code coex scalesim} drop-in: its {@code .cfg} and topology CSVs in, its report CSVs out,
 * numbers formatted as Python prints them by {@link org.coex.accel.interop.PythonFloats}) and
 * {@link org.coex.accel.interop.ScaleSimConfigs#write} (export a systolic configuration as a
 * {@code .cfg}). Network files in coex's own YAML/JSON layout: {@link org.coex.accel.interop.NetworkFiles}.
 * <p>Pipeline: files -> {@code workload} / {@code template} -> {@code cost} -> files. Every reader
 * reports all problems of a file at once as {@link org.coex.accel.spec.SpecException}.
 */
package org.coex.accel.interop;
