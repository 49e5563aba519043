package org.coex.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NasCommandTest {
    @Test void aSearchStoppedBeforeItsFirstCheckpointSaysThereIsNothingToResume(@TempDir Path output) {
        assertEquals("no epoch had finished, so there is no checkpoint; run the same command again to start over",
                NasCommand.resumeHint(output.resolve("checkpoint")));
    }

    @Test void aSearchStoppedAfterACheckpointPointsAtIt(@TempDir Path output) throws IOException {
        Path checkpoint = Files.createDirectory(output.resolve("checkpoint"));
        assertEquals("finished epochs are in " + checkpoint + "; continue with --resume", NasCommand.resumeHint(checkpoint));
    }
}
