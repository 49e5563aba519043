package org.coex.cluster;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster for tests: a Master and Workers, each a JVM of its own started from
 * spark-core's classes (cluster/target/lib), all bound to 127.0.0.1, each stopped by its own process
 * handle. Workers launch executors from a SPARK_HOME holding an empty RELEASE file and jars/ (links to
 * the same jars), with SPARK_SCALA_VERSION=2.13. Every wait is bounded.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    final Path module;
    final Path home;
    final String masterUrl;
    private final int masterUi;
    private final Process master;
    private final Path scratch;
    private final int workerUid;
    private final List<Process> workers = new ArrayList<>();

    StandaloneCluster(Path module, Path scratch, int workerCount) throws IOException, InterruptedException {
        this(module, scratch, workerCount, -1);
    }

    /**
     * With {@code workerUid} >= 0 the Workers (and so their executors) run as that user and group id
     * (setpriv; the caller must be root): a cluster whose workers see the driver's folders but may not
     * write them. Their work folders are made writable for them.
     */
    StandaloneCluster(Path module, Path scratch, int workerCount, int workerUid) throws IOException, InterruptedException {
        this.module = module;
        this.home = sparkHome(module, scratch.resolve("spark-home"));
        int port = freePort();
        this.masterUi = freePort();
        this.masterUrl = "spark://127.0.0.1:" + port;
        this.master = start(List.of(), scratch.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(masterUi));
        this.scratch = scratch;
        this.workerUid = workerUid;
        for (int i = 0; i < workerCount; i++) addWorker();
        awaitWorkers(workerCount);
    }

    /** Starts one more one-core Worker (as {@code workerUid} when that is >= 0); {@link #awaitWorkers} waits for it to register. */
    void addWorker() throws IOException {
        int i = workers.size();
        Path work = Files.createDirectories(scratch.resolve("worker-" + i));
        List<String> as = List.of();
        if (workerUid >= 0) {
            Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            as = List.of("setpriv", "--reuid=" + workerUid, "--regid=" + workerUid, "--clear-groups");
        }
        workers.add(start(as, scratch.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", work.toString(), masterUrl));
    }

    /** Workers started so far, killed ones included. */
    int workerCount() { return workers.size(); }

    /** The class path of a Spark JVM: Spark's own jars. */
    private String classPath() { return module.resolve("target/lib").toString() + "/*"; }

    /** A Spark JVM running {@code mainClass}, behind {@code prefix} (e.g. setpriv and its options; empty: none). */
    private Process start(List<String> prefix, Path log, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(javaBin(), "@" + module.resolve("spark-jvm-options.txt"), "-Xmx512m", "-cp", classPath(), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_MASTER_HOST", "127.0.0.1");
        return pb.start();
    }

    static String javaBin() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /** SPARK_HOME as a Worker needs it to launch executors: RELEASE and jars/ (links to target/lib). */
    private static Path sparkHome(Path module, Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "");
        try (Stream<Path> lib = Files.list(module.resolve("target/lib"))) {
            for (Path jar : lib.toList()) {
                Path link = jars.resolve(jar.getFileName());
                if (!Files.exists(link)) Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Waits (at most {@link #START_LIMIT}) until the master lists this many alive workers. */
    void awaitWorkers(int count) throws InterruptedException, IOException {
        Instant end = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(end)) {
            if (!master.isAlive()) throw new IOException("the Spark master stopped; see its log");
            if (aliveWorkers() >= count) return;
            Thread.sleep(500);
        }
        throw new IOException("the Spark cluster did not come up with " + count + " workers within " + START_LIMIT.toSeconds() + " s");
    }

    /** Alive workers by the master's JSON page; 0 while it does not answer. */
    int aliveWorkers() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + masterUi + "/json/").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            String json = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(json);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Kills one worker at once (its executors die with it). */
    void killWorker(int i) { workers.get(i).destroyForcibly(); }

    @Override public void close() {
        for (Process w : workers) stop(w);
        stop(master);
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
