package org.coex.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coex.accel.explore.ProgressListener;
import org.coex.nas.run.NasSearch;
import org.coex.nas.run.NasSpecs;

/**
 * Experiment driver for the native-memory target: resident memory after search epoch 10 within
 * 10 % of after epoch 2. Runs the default search space with binary gates on a small slice of
 * Fashion-MNIST (the question is leaks per step, not accuracy) for 10 epochs, alpha steps from
 * epoch 2, and prints VmRSS after each epoch, with the Java heap's share. Pin the heap so that its
 * own growth (the JVM sizing itself, not a leak) stays out of the figure:
 * {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Dai.djl.offline=true -cp benchmarks/target/benchmarks.jar org.coex.benchmarks.NasMemoryRun [strategy]}
 */
public final class NasMemoryRun {
    private NasMemoryRun() {}

    public static void main(String[] args) throws IOException {
        String strategy = args.length > 0 ? args[0] : "binary_gates";
        Path dir = Files.createTempDirectory("coex-nas-memory");
        Path spec = dir.resolve("nas.yaml");
        Files.writeString(spec, String.join("\n", "train_limit: 640", "validation: 320", "epochs: 10", "warmup_epochs: 1",
                "batch_size: 32", "strategy: " + strategy, "output: " + dir.resolve("run"), ""));
        List<Long> rss = new ArrayList<>();
        List<Long> outsideHeap = new ArrayList<>();
        NasSearch.run(NasSpecs.load(spec), false, false, System.out::println, e -> {
            long heap = Runtime.getRuntime().totalMemory() / 1024;
            rss.add(residentKb());
            outsideHeap.add(rss.get(rss.size() - 1) - heap);
            System.out.printf("epoch %2d: %.1f s, VmRSS %,d kB, Java heap committed %,d kB, VmRSS minus heap %,d kB%n", e.epoch() + 1,
                    e.seconds(), rss.get(rss.size() - 1), heap, outsideHeap.get(outsideHeap.size() - 1));
        }, ProgressListener.NONE);
        System.out.printf("after epoch 10 vs after epoch 2: VmRSS %+.1f %%, VmRSS minus heap %+.1f %%; vs after epoch 4: %+.1f %%, %+.1f %%%n",
                growth(rss, 1), growth(outsideHeap, 1), growth(rss, 3), growth(outsideHeap, 3));
    }

    /** Percent change from epoch {@code from + 1} to epoch 10. */
    private static double growth(List<Long> kb, int from) {
        return 100 * ((double) kb.get(9) / kb.get(from) - 1);
    }

    static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
