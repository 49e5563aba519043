package org.coex.accel.cluster;

import java.nio.file.Path;
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
     * This failure as the user's mistake: where the master came from the spec ({@code cluster.masterLine()}
     * above 0), at the spec's {@code cluster.master}; otherwise at the option.
     */
    public SpecException asProblem(ClusterSettings cluster, Path specFile) {
        if (setting.equals("--master") && cluster.masterLine() > 0 && specFile != null) {
            return new SpecException(Problem.at(specFile, cluster.masterLine(), "cluster.master", getMessage()));
        }
        return SpecException.option(setting, getMessage());
    }
}
