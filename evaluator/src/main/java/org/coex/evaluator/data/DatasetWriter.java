package org.coex.evaluator.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;

/**
 * A dataset folder written chunk after chunk. The arrays grow in a staging folder beside the output,
 * {@code OUT.part/}, with {@code progress.json} (the manifest-to-be and the samples written) replaced
 * atomically after each chunk is on the disk; {@link #finish} moves the arrays into {@code OUT} and
 * writes {@code manifest.json} last, so a folder with a manifest always holds a whole dataset, and a
 * stopped run is continued from its last whole chunk ({@link #resume}).
 */
final class DatasetWriter implements Closeable {
    static final String PROGRESS = "progress.json";
    static final List<String> ARRAYS = List.of("arch", "kind", "config", "metrics", "best_config", "best_metrics", "best_feasible");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out;
    private final Path part;
    private final Map<String, Object> manifest;
    private final DesignSpace designSpace;
    private final Map<String, NpyAppender> arrays;
    private long written;
    private long meetLimits;

    private DatasetWriter(Path out, Map<String, Object> manifest, DesignSpace designSpace, Map<String, NpyAppender> arrays, long written, long meetLimits) {
        this.out = out;
        this.part = partFolder(out);
        this.manifest = manifest;
        this.designSpace = designSpace;
        this.arrays = arrays;
        this.written = written;
        this.meetLimits = meetLimits;
    }

    /** Where a dataset for {@code out} is staged until it is whole. */
    static Path partFolder(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".part");
    }

    /** The headers of the final arrays: samples x encoding length, x design-space parameters, x 3 metrics. */
    static Map<String, NpyHeader> headers(long samples, int encodingLength, int parameters) {
        Map<String, NpyHeader> h = new LinkedHashMap<>();
        h.put("arch", NpyHeader.of("<f4", samples, encodingLength));
        h.put("kind", NpyHeader.of("<i4", samples));
        h.put("config", NpyHeader.of("<i4", samples, parameters));
        h.put("metrics", NpyHeader.of("<f8", samples, 3));
        h.put("best_config", NpyHeader.of("<i4", samples, parameters));
        h.put("best_metrics", NpyHeader.of("<f8", samples, 3));
        h.put("best_feasible", NpyHeader.of("<i4", samples));
        return h;
    }

    /** Bytes on disk per sample, headers aside. */
    static long bytesPerSample(int encodingLength, int parameters) {
        return headers(1, encodingLength, parameters).values().stream().mapToLong(NpyHeader::rowBytes).sum();
    }

    /** A new staging folder (replacing one left without progress) for a dataset of {@code manifest}'s samples. */
    static DatasetWriter start(Path out, Map<String, Object> manifest, DesignSpace ds, int encodingLength) throws IOException {
        Path part = partFolder(out);
        deleteFolder(part);
        Files.createDirectories(part);
        Map<String, NpyAppender> arrays = new LinkedHashMap<>();
        for (var e : headers(samples(manifest), encodingLength, ds.parameters().size()).entrySet()) {
            arrays.put(e.getKey(), NpyAppender.create(part.resolve(e.getKey() + ".npy"), e.getValue()));
        }
        DatasetWriter w = new DatasetWriter(out, manifest, ds, arrays, 0, 0);
        w.recordProgress();
        return w;
    }

    /** Samples a stopped generation for {@code out} wrote, or -1 when there is none to continue. */
    static long stoppedAt(Path out) throws IOException {
        Path progress = partFolder(out).resolve(PROGRESS);
        if (!Files.isRegularFile(progress)) return -1;
        return JSON.readTree(progress.toFile()).path("samples_written").asLong(-1);
    }

    /**
     * The stopped generation for {@code out}, cut back to its last whole chunk.
     *
     * @throws SpecException if it was started with other settings (names the first that differs)
     */
    @SuppressWarnings("unchecked")
    static DatasetWriter resume(Path out, Map<String, Object> manifest, DesignSpace ds, int encodingLength) throws IOException {
        Path part = partFolder(out);
        Map<String, Object> progress = JSON.readValue(part.resolve(PROGRESS).toFile(), Map.class);
        Map<String, Object> before = (Map<String, Object>) progress.get("manifest");
        Map<String, Object> now = manifest;
        for (String key : now.keySet()) {
            if (before == null || !now.get(key).equals(before.get(key))) {
                throw new SpecException(new Problem(part.toString(), 0, "--resume", "the stopped generation there was made with " + key + " "
                        + (before == null ? "unknown" : before.get(key)) + ", this command asks for " + now.get(key)
                        + "; repeat its options to continue it, or delete " + part + " to start over"));
            }
        }
        long written = ((Number) progress.get("samples_written")).longValue();
        long meetLimits = ((Number) progress.getOrDefault("samples_meeting_limits", 0)).longValue();
        Map<String, NpyAppender> arrays = new LinkedHashMap<>();
        try {
            for (var e : headers(samples(manifest), encodingLength, ds.parameters().size()).entrySet()) {
                arrays.put(e.getKey(), NpyAppender.resume(part.resolve(e.getKey() + ".npy"), e.getValue(), written));
            }
        } catch (IOException e) {
            for (NpyAppender a : arrays.values()) a.close();
            throw new SpecException(new Problem(part.toString(), 0, "--resume", "cannot continue: " + e.getMessage() + "; delete " + part + " to start over"));
        }
        return new DatasetWriter(out, manifest, ds, arrays, written, meetLimits);
    }

    long written() { return written; }

    /** Samples written so far whose optimal configuration meets every limit. */
    long meetLimits() { return meetLimits; }

    /** Appends the next rows, makes them durable, then records them in {@code progress.json}. */
    void append(CostDataset chunk) throws IOException {
        appendRows(rows(chunk, designSpace), chunk.size());
    }

    /**
     * Appends {@code n} rows given as each array's bytes ({@link #rows}, filled, not flipped), makes
     * them durable, then records them in {@code progress.json}.
     */
    void appendRows(Map<String, ByteBuffer> rows, int n) throws IOException {
        meetLimits += feasibleRows(rows.get("best_feasible"), n);
        for (var e : arrays.entrySet()) e.getValue().append(rows.get(e.getKey()));
        for (NpyAppender a : arrays.values()) a.force();
        written += n;
        recordProgress();
    }

    /** How many of the first {@code n} int32 flags of a best_feasible buffer are set (read by index, position untouched). */
    private static long feasibleRows(ByteBuffer bestFeasible, int n) {
        long count = 0;
        for (int i = 0; i < n; i++) if (bestFeasible.getInt(4 * i) != 0) count++;
        return count;
    }

    /** A chunk's rows as the bytes of each array (little-endian, in the arrays' layouts), filled and not yet flipped. */
    static Map<String, ByteBuffer> rows(CostDataset chunk, DesignSpace ds) {
        int n = chunk.size();
        int encodingLength = n == 0 ? 0 : chunk.arch()[0].length;
        Map<String, ByteBuffer> b = new LinkedHashMap<>();
        headers(n, encodingLength, ds.parameters().size())
                .forEach((name, h) -> b.put(name, ByteBuffer.allocate(Math.toIntExact(n * h.rowBytes())).order(ByteOrder.LITTLE_ENDIAN)));
        for (int i = 0; i < n; i++) {
            for (float v : chunk.arch()[i]) b.get("arch").putFloat(v);
            b.get("kind").putInt(chunk.kind()[i]);
            for (int c : ds.choices(chunk.config()[i])) b.get("config").putInt(c);
            for (double v : chunk.metrics()[i]) b.get("metrics").putDouble(v);
            for (int c : ds.choices(chunk.bestConfig()[i])) b.get("best_config").putInt(c);
            for (double v : chunk.bestMetrics()[i]) b.get("best_metrics").putDouble(v);
            b.get("best_feasible").putInt(chunk.bestFeasible()[i] ? 1 : 0);
        }
        return b;
    }

    /** A chunk's rows written to a folder of raw array files ({@code NAME.rows}), moved into place whole. */
    static void writeRows(Map<String, ByteBuffer> rows, Path dir) throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        deleteFolder(tmp);
        Files.createDirectories(tmp);
        for (var e : rows.entrySet()) {
            ByteBuffer b = e.getValue().duplicate().flip();
            try (var ch = Files.newByteChannel(tmp.resolve(e.getKey() + ".rows"), java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                while (b.hasRemaining()) ch.write(b);
            }
        }
        deleteFolder(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Appends the {@code n} rows a {@link #writeRows} folder holds, copied file to file (a chunk is
     * not read into memory), makes them durable, then records them in {@code progress.json}.
     */
    void appendRowFiles(Path dir, int n) throws IOException {
        ByteBuffer feasible = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("best_feasible.rows"))).order(ByteOrder.LITTLE_ENDIAN);
        if (feasible.limit() != 4L * n) throw new IOException(dir + " holds " + feasible.limit() / 4 + " rows, not " + n);
        meetLimits += feasibleRows(feasible, n);
        for (var e : arrays.entrySet()) e.getValue().appendFrom(dir.resolve(e.getKey() + ".rows"));
        for (NpyAppender a : arrays.values()) a.force();
        written += n;
        recordProgress();
    }

    /** Moves the whole dataset into the output folder, manifest last, and removes the staging folder. */
    void finish() throws IOException {
        if (written != samples(manifest)) throw new IllegalStateException(written + " of " + samples(manifest) + " samples written");
        close();
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target);
        Files.deleteIfExists(target.resolve("manifest.json"));   // from here until the new one is in, the folder is not a dataset
        for (String name : ARRAYS) {
            Files.move(part.resolve(name + ".npy"), target.resolve(name + ".npy"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Path manifestTmp = part.resolve("manifest.json");
        Files.write(manifestTmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        Files.move(manifestTmp, target.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        deleteFolder(part);
    }

    @Override public void close() throws IOException {
        for (NpyAppender a : arrays.values()) a.close();
    }

    private void recordProgress() throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("samples_written", written);
        p.put("samples_meeting_limits", meetLimits);
        p.put("manifest", manifest);
        Path tmp = part.resolve(PROGRESS + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(p));
        Files.move(tmp, part.resolve(PROGRESS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static long samples(Map<String, Object> manifest) { return ((Number) manifest.get("samples")).longValue(); }

    static void deleteFolder(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
