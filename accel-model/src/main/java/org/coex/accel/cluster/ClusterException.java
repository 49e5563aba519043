package org.coex.accel.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;

/** A cluster job that could not start or did not finish; the message names the setting to change. */
public final class ClusterException extends RuntimeException {
    private final String setting;

    public ClusterException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The option the user should look at ({@code --master}, {@code -o}). */
    public String setting() { return setting; }

    /**
     * This failure as the user's mistake: where the master came from the spec ({@code masterOption}
     * null, {@code specFile} given), at the spec's {@code cluster.master}; otherwise at the option.
     */
    public SpecException asProblem(String masterOption, Path specFile) {
        if (setting.equals("--master") && masterOption == null && specFile != null) {
            return new SpecException(Problem.at(specFile, masterLine(specFile), "cluster.master", getMessage()));
        }
        return SpecException.option(setting, getMessage());
    }

    /** The line of the spec's {@code master:} key in its cluster section (1-based), or 0 when it cannot be read. */
    private static int masterLine(Path specFile) {
        try {
            List<String> lines = Files.readAllLines(specFile);
            boolean inCluster = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("cluster:")) inCluster = true;
                else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) inCluster = false;
                if (inCluster && line.contains("master")) return i + 1;
            }
        } catch (IOException | RuntimeException e) {
            // the message still names the key
        }
        return 0;
    }
}
