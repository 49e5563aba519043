package org.coex.accel.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a user's input file; a missing or unreadable file is a {@link SpecException}, not a stack trace. */
public final class InputFiles {
    private InputFiles() {}

    /**
     * @param whatItIs how to name the file in messages, e.g. "config file"
     * @param fix      what to do when it is missing, e.g. "check the path given with -c"
     */
    public static String readString(Path file, String whatItIs, String fix) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(Problem.at(file, 0, "", whatItIs + " not found; " + fix));
        } catch (IOException e) {
            throw new SpecException(Problem.at(file, 0, "", "cannot read the " + whatItIs + ": " + e.getMessage()));
        }
    }

    /** The file's lines (any line ending). */
    public static List<String> readLines(Path file, String whatItIs, String fix) {
        return readString(file, whatItIs, fix).lines().toList();
    }
}
