package org.coex.evaluator.data;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A {@code .npy} file written row block after row block: its header states the final shape from the
 * start, the data grows on disk, and a file cut short (a stopped run) is continued by truncating it to
 * its last whole block of rows. Until every row is in, numpy refuses the file as too short.
 */
final class NpyAppender implements Closeable {
    private final FileChannel channel;
    private final NpyHeader header;

    private NpyAppender(FileChannel channel, NpyHeader header) {
        this.channel = channel;
        this.header = header;
    }

    /** A new file (replacing any) holding only the header of the final array. */
    static NpyAppender create(Path file, NpyHeader header) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        ch.write(ByteBuffer.wrap(header.bytes()), 0);
        return new NpyAppender(ch, header);
    }

    /**
     * An existing file of this header, cut back to its first {@code rows} rows.
     *
     * @throws IOException if its header differs or it holds fewer rows
     */
    static NpyAppender resume(Path file, NpyHeader header, long rows) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            NpyHeader found = NpyHeader.read(ch, file.toString());
            if (!found.dtype().equals(header.dtype()) || !Arrays.equals(found.shape(), header.shape())) {
                throw new IOException(file + " holds " + found.dtype() + " " + Arrays.toString(found.shape()) + ", not " + header.dtype() + " " + Arrays.toString(header.shape()));
            }
            long keep = header.dataOffset() + rows * header.rowBytes();
            if (ch.size() < keep) throw new IOException(file + " holds fewer than the " + rows + " rows its run recorded");
            ch.truncate(keep);
            ch.position(keep);
            return new NpyAppender(ch, header);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** A little-endian buffer for {@code rows} rows of this file. */
    ByteBuffer buffer(int rows) {
        return ByteBuffer.allocate(Math.toIntExact(rows * header.rowBytes())).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Appends a filled buffer (from {@link #buffer}). */
    void append(ByteBuffer rows) throws IOException {
        rows.flip();
        long at = channel.size();
        while (rows.hasRemaining()) at += channel.write(rows, at);
    }

    /** Appends a file's bytes (rows in this file's layout, without a header), copied channel to channel. */
    void appendFrom(Path rows) throws IOException {
        try (FileChannel in = FileChannel.open(rows, StandardOpenOption.READ)) {
            long size = in.size();
            long at = channel.size();
            for (long done = 0; done < size; ) done += in.transferTo(done, size - done, channel.position(at + done));
        }
    }

    /** Everything appended so far is on the disk. */
    void force() throws IOException { channel.force(false); }

    @Override public void close() throws IOException { channel.close(); }
}
