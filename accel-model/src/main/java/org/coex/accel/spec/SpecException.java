package org.coex.accel.spec;

import java.util.List;

/**
 * A user's input is wrong. Carries every problem found, so the user can fix them all in one go.
 * The command line prints one {@code error: } line per problem and exits with status 2.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public SpecException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).toString());
        if (problems.isEmpty()) throw new IllegalArgumentException("a SpecException needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    public SpecException(Problem problem) { this(List.of(problem)); }

    /** A mistake in a command-line option, reported like a spec problem. */
    public static SpecException option(String option, String message) {
        return new SpecException(new Problem("command line", 0, option, message));
    }

    public List<Problem> problems() { return problems; }
}
