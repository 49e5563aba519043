/**
 * Workloads: {@link org.coex.accel.workload.Layer} (grouped 2-D convolution covering depthwise,
 * pointwise, fully-connected and GEMM), {@link org.coex.accel.workload.Network} (layers in order) and
 * the built-in {@link org.coex.accel.workload.NetworkZoo}.
 * <p>Pipeline: <b>workload</b> -> {@code template} -> {@code cost}. Shapes are in elements; MACs count
 * multiply-accumulates. Files in other formats are read in {@code interop}. Depends on nothing else.
 */
package org.coex.accel.workload;
