package org.coex.accel.cluster;

/** A cluster job that could not start or did not finish; the message names the setting to change. */
public final class ClusterException extends RuntimeException {
    private final String setting;

    public ClusterException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The option or spec key the user should look at ({@code --master}, {@code output}). */
    public String setting() { return setting; }
}
