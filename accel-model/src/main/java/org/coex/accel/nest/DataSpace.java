package org.coex.accel.nest;

/**
 * The three tensors of a convolution. Weights[K][C][R][S] and Inputs[N][C][H][W] are read only;
 * Outputs[N][K][P][Q] are read and updated (partial sums).
 */
public enum DataSpace {
    WEIGHTS("Weights"), INPUTS("Inputs"), OUTPUTS("Outputs");

    private final String timeloopName;

    DataSpace(String timeloopName) { this.timeloopName = timeloopName; }

    public String timeloopName() { return timeloopName; }

    /** Whether a loop over {@code d} walks over different elements of this tensor. */
    public boolean isRelevant(Dim d) {
        return switch (this) {
            case WEIGHTS -> d == Dim.K || d == Dim.C || d == Dim.R || d == Dim.S;
            case INPUTS -> d != Dim.K;
            case OUTPUTS -> d == Dim.N || d == Dim.K || d == Dim.P || d == Dim.Q;
        };
    }

    public boolean isReadWrite() { return this == OUTPUTS; }

    public static java.util.Optional<DataSpace> parse(String s) {
        for (DataSpace d : values()) if (d.timeloopName.equalsIgnoreCase(s.strip())) return java.util.Optional.of(d);
        return java.util.Optional.empty();
    }
}
