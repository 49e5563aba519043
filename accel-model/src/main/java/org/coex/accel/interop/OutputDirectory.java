package org.coex.accel.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a set of files into a folder all or nothing: every file is first written into a temporary
 * folder beside the target, and only when all succeeded are they moved into place. A failure
 * leaves the target as it was (no half-written run).
 */
public final class OutputDirectory {
    private OutputDirectory() {}

    /** A file's content written as a stream, for files too large to hold in memory. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** @param files relative path (may contain '/') to content */
    public static void writeAtomically(Path dir, Map<String, byte[]> files) throws IOException {
        writeAtomically(dir, files, Map.of());
    }

    /** Like {@link #writeAtomically(Path, Map)}, with some files streamed ({@code streamed}, written first). */
    public static void writeAtomically(Path dir, Map<String, byte[]> files, Map<String, Content> streamed) throws IOException {
        Path target = dir.toAbsolutePath();
        Map<String, Content> all = new LinkedHashMap<>(streamed);
        files.forEach((name, bytes) -> all.put(name, out -> out.write(bytes)));
        Path tmp = written(target, all);
        try {
            Files.createDirectories(target);
            for (String name : all.keySet()) {
                Path to = target.resolve(name);
                Files.createDirectories(to.getParent());
                Files.move(tmp.resolve(name), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            delete(tmp);
        }
    }

    /** The files written into a new temporary folder beside {@code target} (deleted again if a write fails). */
    private static Path written(Path target, Map<String, Content> files) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), ".coex-tmp-");
        try {
            for (Map.Entry<String, Content> f : files.entrySet()) {
                Path p = tmp.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                try (OutputStream out = Files.newOutputStream(p)) {
                    f.getValue().writeTo(out);
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(tmp);
            throw e;
        }
        return tmp;
    }

    /**
     * Replaces the whole folder {@code dir} by these files, so that a reader never sees a mix of two
     * generations (checkpoints): the new folder is written beside it, the old one is renamed to
     * {@code dir.old}, the new one renamed into place, the old one deleted. A process killed between
     * the two renames leaves only {@code dir.old}, which {@link #recover} puts back.
     */
    public static void replaceFolder(Path dir, Map<String, byte[]> files) throws IOException {
        Path target = dir.toAbsolutePath();
        recover(target);
        Map<String, Content> all = new LinkedHashMap<>();
        files.forEach((name, bytes) -> all.put(name, out -> out.write(bytes)));
        Path tmp = written(target, all);
        Path old = previous(target);
        try {
            if (Files.exists(target)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            delete(tmp);
        }
        delete(old);
    }

    /** After a {@link #replaceFolder} cut short between its renames: puts the previous generation back. */
    public static void recover(Path dir) throws IOException {
        Path target = dir.toAbsolutePath();
        Path old = previous(target);
        if (!Files.exists(old)) return;
        if (Files.exists(target)) delete(old);
        else Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path previous(Path target) { return target.resolveSibling(target.getFileName() + ".old"); }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> left = Files.walk(p)) {
            for (Path f : left.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
