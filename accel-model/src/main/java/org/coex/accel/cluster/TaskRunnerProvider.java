package org.coex.accel.cluster;

/** Service (java.util.ServiceLoader) that opens a {@link TaskRunner} on a cluster; the {@code cluster} module provides Spark's. */
public interface TaskRunnerProvider {
    /** @throws ClusterException if the cluster cannot be reached */
    TaskRunner open(ClusterSettings settings);
}
