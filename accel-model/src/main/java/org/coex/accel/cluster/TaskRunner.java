package org.coex.accel.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * Runs a job's tasks somewhere (a Spark cluster, through the {@code cluster} module) and returns
 * their results in task order. Closing it releases the cluster connection.
 */
public interface TaskRunner extends AutoCloseable {
    /** Task slots the runner has (executor cores), for sizing the job's tasks. */
    int parallelism();

    /**
     * @param job a short name for the cluster's job list
     * @throws ClusterException when the job fails after the runner's retries
     */
    <T extends Serializable> List<T> run(String job, List<? extends ClusterTask<T>> tasks);

    @Override void close();
}
