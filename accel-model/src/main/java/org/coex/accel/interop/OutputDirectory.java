package org.coex.accel.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a set of files into a folder all or nothing: every file is first written into a temporary
 * folder beside the target, and only when all succeeded are they moved into place. A failure
 * leaves the target as it was (no half-written run).
 */
public final class OutputDirectory {
    private OutputDirectory() {}

    /** @param files relative path (may contain '/') to content */
    public static void writeAtomically(Path dir, Map<String, byte[]> files) throws IOException {
        Path target = dir.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), ".coex-tmp-");
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = tmp.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            Files.createDirectories(target);
            for (String name : files.keySet()) {
                Path to = target.resolve(name);
                Files.createDirectories(to.getParent());
                Files.move(tmp.resolve(name), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            try (Stream<Path> left = Files.walk(tmp)) {
                for (Path p : left.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
