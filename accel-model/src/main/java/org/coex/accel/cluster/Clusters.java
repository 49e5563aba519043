package org.coex.accel.cluster;

import java.util.ServiceLoader;
import org.coex.accel.spec.SpecException;

/** Opens the cluster a job runs on, through the installed {@link TaskRunnerProvider} (Spark's, from the cluster module). */
public final class Clusters {
    private Clusters() {}

    /**
     * @throws SpecException naming {@code --master} when no provider is installed (Spark not on the class path)
     * @throws ClusterException when the cluster cannot be reached
     */
    public static TaskRunner open(ClusterSettings settings) {
        for (TaskRunnerProvider p : ServiceLoader.load(TaskRunnerProvider.class)) return p.open(settings);
        throw SpecException.option("--master", "Spark is not on the class path; run through ./coex, which adds it when "
                + "--master or a cluster: section is given (docs/cluster.md), or add cluster/target/coex-cluster.jar and cluster/target/lib/*");
    }
}
