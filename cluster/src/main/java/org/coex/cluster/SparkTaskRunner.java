package org.coex.cluster;

import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.coex.accel.cluster.ClusterException;
import org.coex.accel.cluster.ClusterSettings;
import org.coex.accel.cluster.ClusterTask;
import org.coex.accel.cluster.TaskRunner;

/**
 * coex's tasks on Apache Spark: one Spark task per coex task ({@code parallelize} with as many
 * partitions as tasks, so results come back in task order), retried by Spark when an executor dies
 * ({@code spark.task.maxFailures}, 4 on a cluster). Spark's web UI is off unless the settings turn it
 * on. On a {@code spark://} master the jars that hold coex (coex.jar and this module's jar) are
 * shipped to the executors ({@code spark.jars}), so the workers need only Spark itself.
 */
final class SparkTaskRunner implements TaskRunner {
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final JavaSparkContext context;

    SparkTaskRunner(ClusterSettings settings) {
        checkReachable(settings.master());
        SparkConf conf = new SparkConf().setMaster(settings.master()).setAppName("coex");
        conf.set("spark.ui.enabled", "false");
        // Spark's own bar ([Stage 0:=====>  (12 + 2) / 44]) on a terminal, as coex shows its progress bar there
        conf.set("spark.ui.showConsoleProgress", String.valueOf(System.console() != null));
        // executors run coex's searches as ./coex runs them: DJL offline, no display, OpenMP threads that sleep
        conf.set("spark.executor.extraJavaOptions", "-Dai.djl.offline=true -Djava.awt.headless=true");
        conf.set("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
        String master = settings.master();
        if (master.startsWith("spark://")) conf.setJars(coexJars().toArray(String[]::new));
        if (master.startsWith("local") || master.contains("//127.0.0.1:") || master.contains("//localhost:")) {
            conf.set("spark.driver.host", "127.0.0.1");   // a cluster on this machine only: nothing listens beyond it
            conf.set("spark.driver.bindAddress", "127.0.0.1");
        }
        for (Map.Entry<String, String> e : settings.conf().entrySet()) conf.set(e.getKey(), e.getValue());
        try {
            this.context = new JavaSparkContext(conf);
        } catch (Exception e) {   // Scala's exceptions may be checked ones, undeclared
            throw new ClusterException("--master", "Spark could not start on " + settings.master() + ": " + firstLine(e)
                    + "; check the URL and the cluster (docs/cluster.md)", e);
        }
        context.setLogLevel("WARN");
    }

    /** A spark:// master that nobody answers fails at once, not after Spark's minute of retries. */
    private static void checkReachable(String master) {
        if (!master.startsWith("spark://")) return;
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), CONNECT_TIMEOUT_MS);
                return;
            } catch (java.io.IOException | RuntimeException e) {
                // try the next master of a high-availability list
            }
        }
        throw new ClusterException("--master", "no Spark master answers at " + master + "; start one (docs/cluster.md: start-master.sh, "
                + "or spark-class org.apache.spark.deploy.master.Master) or run on this machine with --master local[*]", null);
    }

    /** The jar files that hold coex's classes and this runner's, as the executors need them. */
    private static List<String> coexJars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> c : List.of(org.coex.accel.cluster.TaskRunner.class, SparkTaskRunner.class)) {
            try {
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(p) && !jars.contains(p.toString())) jars.add(p.toString());
            } catch (URISyntaxException | RuntimeException e) {
                // a class not loaded from a jar (an IDE's classes folder): nothing to ship
            }
        }
        return jars;
    }

    @Override public int parallelism() { return context.defaultParallelism(); }

    @Override public <T extends Serializable> List<T> run(String job, List<? extends ClusterTask<T>> tasks) {
        if (tasks.isEmpty()) return List.of();
        context.setJobDescription(job);
        List<ClusterTask<T>> list = new ArrayList<>(tasks);
        try {
            return context.parallelize(list, list.size()).map(ClusterTask::run).collect();
        } catch (Exception e) {   // Scala throws SparkException, a checked exception, undeclared
            Throwable root = rootCause(e);
            if (root instanceof FileSystemException fs) {
                throw new ClusterException("-o", job + " failed on the cluster: a worker cannot write " + fs.getFile() + " (" + root.getClass().getSimpleName()
                        + (fs.getReason() == null ? "" : ": " + fs.getReason()) + "); the output folder must be on a file system every worker can "
                        + "write, at the same path (docs/cluster.md)", e);
            }
            throw new ClusterException("--master", job + " failed on the cluster: " + firstLine(root), e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override public void close() { context.stop(); }
}
