package org.coex.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A coex command run in the test's JVM, as the plain run to compare a cluster run with. */
final class InProcess {
    private InProcess() {}

    /** Runs the command with these arguments and returns its standard output; fails the test, showing its stderr, unless it ends with status 0. */
    static String run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args), err.toString());
        return out.toString();
    }
}
