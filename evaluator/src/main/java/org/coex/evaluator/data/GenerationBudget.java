package org.coex.evaluator.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.coex.accel.spec.SpecException;
import org.coex.evaluator.cube.CostCubeBuilder;

/**
 * What a generation will need, estimated before it starts, so that a request that cannot fit is
 * refused in one line instead of being ended by the kernel hours later:
 * <ul>
 * <li>disk: samples x {@link DatasetWriter#bytesPerSample} (the arrays are written as they grow);</li>
 * <li>heap: the cost rows, 16 bytes per cost term per configuration (cycles and energy as doubles):
 *   for an enumerated cube all of them, twice while the exhaustive search copies them; for costs on
 *   demand every configuration a sample or the solver may visit, at most samples x solver budget;
 *   plus one chunk of samples.</li>
 * </ul>
 */
public final class GenerationBudget {
    /** The share of the heap the estimate may take: the JVM, DJL and ND4J need the rest. */
    static final double HEAP_SHARE = 0.8;
    private static final long BYTES_PER_TERM = 16;

    private GenerationBudget() {}

    /** Bytes of heap the cost rows and one chunk take at their peak. */
    public static long heapBytes(long configs, int terms, int encodingLength, long samples, long solverBudget) {
        long rows = configs <= CostCubeBuilder.MAX_CONFIGS ? 2 * configs : Math.min(configs, Math.max(1, samples) * solverBudget);
        long chunk = Math.min(samples, DatasetGeneration.CHUNK) * (encodingLength * 12L + 256);
        return rows * terms * BYTES_PER_TERM + chunk;
    }

    /**
     * @param samplesWritten samples a stopped generation being continued already holds on that disk
     * @throws SpecException naming the option that reduces the need, with both figures
     */
    public static void check(long samples, int encodingLength, int parameters, long configs, int terms, long solverBudget, Path output,
                             long samplesWritten, long maxHeap) throws IOException {
        long disk = (samples - samplesWritten) * DatasetWriter.bytesPerSample(encodingLength, parameters);
        long free = Files.getFileStore(existingAncestor(output)).getUsableSpace();
        if (disk > free) {
            throw SpecException.option("--samples", String.format(Locale.ROOT, "%,d samples need %s on the disk of %s, which has %s free; lower --samples or "
                    + "write elsewhere with -o", samples, size(disk), output, size(free)));
        }
        long heap = heapBytes(configs, terms, encodingLength, samples, solverBudget);
        if (heap > HEAP_SHARE * maxHeap) {
            throw SpecException.option("--design-space", String.format(Locale.ROOT, "%,d configurations x %d cost terms need about %s of heap for their cost rows, "
                    + "more than this JVM can give (%s at most); narrow the design space%s, or give Java more heap (e.g. JAVA_TOOL_OPTIONS=-Xmx%dg)",
                    configs, terms, size(heap), size(maxHeap), configs > CostCubeBuilder.MAX_CONFIGS ? " or lower --solver-budget" : "",
                    (long) Math.ceil(heap / HEAP_SHARE / (1L << 30)) + 1));
        }
    }

    static Path existingAncestor(Path p) {
        Path a = p.toAbsolutePath().normalize();
        while (a != null && !Files.exists(a)) a = a.getParent();
        return a == null ? Path.of("").toAbsolutePath() : a;
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30)) : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
}
