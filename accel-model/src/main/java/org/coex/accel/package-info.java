/**
 * accel-model: workloads, accelerator templates, the analytic cost models, design spaces, sweeps
 * and interop. Root package: shared {@link org.coex.accel.Checks} and {@link org.coex.accel.Provenance}.
 * <p>Never depends on DJL or on any other coex module. Start at {@code template.Templates},
 * {@code explore.Sweeps} or {@code interop.ScaleSim}.
 */
package org.coex.accel;
