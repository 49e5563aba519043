package org.coex.accel.spec;

import java.nio.file.Path;

/**
 * One mistake in a user's input: where it is (file, line when known, key path or column) and what
 * to do about it. Printed as {@code <file>:<line>: <where>: <message>}.
 *
 * @param line 1-based line, or 0 when the line is not known
 * @param where a YAML key path ({@code space.rows[2]}), a CSV column name, or empty
 */
public record Problem(String file, int line, String where, String message) {

    public Problem {
        file = file == null ? "<input>" : file;
        where = where == null ? "" : where;
        if (message == null || message.isBlank()) throw new IllegalArgumentException("message must not be blank");
    }

    public static Problem at(Path file, int line, String where, String message) {
        return new Problem(file == null ? null : file.toString(), line, where, message);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (!where.isEmpty()) sb.append(where).append(": ");
        return sb.append(message).toString();
    }
}
