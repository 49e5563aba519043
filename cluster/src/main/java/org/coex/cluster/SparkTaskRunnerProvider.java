package org.coex.cluster;

import org.coex.accel.cluster.ClusterSettings;
import org.coex.accel.cluster.TaskRunner;
import org.coex.accel.cluster.TaskRunnerProvider;

/** The ServiceLoader entry that puts coex's jobs on Spark. */
public final class SparkTaskRunnerProvider implements TaskRunnerProvider {
    @Override public TaskRunner open(ClusterSettings settings) { return new SparkTaskRunner(settings); }
}
