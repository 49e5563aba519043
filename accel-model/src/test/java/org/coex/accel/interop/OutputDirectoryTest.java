package org.coex.accel.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    @TempDir Path dir;

    static byte[] bytes(String s) { return s.getBytes(java.nio.charset.StandardCharsets.UTF_8); }

    List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacingAFolderKeepsNoFileOfThePreviousGenerationAndNoLeftovers() throws IOException {
        Path cp = dir.resolve("checkpoint");
        OutputDirectory.replaceFolder(cp, Map.of("a", bytes("1"), "state.json", bytes("{\"epoch\": 1}")));
        OutputDirectory.replaceFolder(cp, Map.of("b", bytes("2"), "state.json", bytes("{\"epoch\": 2}")));
        assertEquals(List.of("b", "state.json"), names(cp));
        assertArrayEquals(bytes("{\"epoch\": 2}"), Files.readAllBytes(cp.resolve("state.json")));
        assertEquals(List.of("checkpoint"), names(dir), "no temporary or previous folder left beside it");
    }

    @Test
    void aReplacementCutShortBetweenItsRenamesIsRecoveredAsThePreviousGeneration() throws IOException {
        Path cp = dir.resolve("checkpoint");
        OutputDirectory.replaceFolder(cp, Map.of("state.json", bytes("{\"epoch\": 1}")));
        // the state a kill leaves after the old folder was moved aside and before the new one moved in
        Files.move(cp, dir.resolve("checkpoint.old"));
        OutputDirectory.recover(cp);
        assertTrue(Files.isDirectory(cp));
        assertArrayEquals(bytes("{\"epoch\": 1}"), Files.readAllBytes(cp.resolve("state.json")));
        assertFalse(Files.exists(dir.resolve("checkpoint.old")));
        // and once the new folder is in place, a stale previous one is only deleted
        Files.createDirectories(dir.resolve("checkpoint.old"));
        OutputDirectory.recover(cp);
        assertEquals(List.of("checkpoint"), names(dir));
        assertArrayEquals(bytes("{\"epoch\": 1}"), Files.readAllBytes(cp.resolve("state.json")));
    }
}
