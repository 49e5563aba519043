package org.coex.dance.cli;

import java.io.PrintWriter;

/** Entry point of {@code ./coex}. The only place that calls {@link System#exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int status = CoexCommand.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(status);
    }
}
