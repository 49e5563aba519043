package org.coex.evaluator.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@code .npy} table read where it lies: the file is memory-mapped in segments of whole rows (at most
 * 1 GiB each), so a dataset larger than the heap is read row by row as the operating system pages it
 * in, and nothing is copied up front.
 */
final class MappedNpy {
    private static final long SEGMENT_BYTES = 1L << 30;

    private final NpyHeader header;
    private final MappedByteBuffer[] segments;
    private final long rowsPerSegment;

    private MappedNpy(NpyHeader header, MappedByteBuffer[] segments, long rowsPerSegment) {
        this.header = header;
        this.segments = segments;
        this.rowsPerSegment = rowsPerSegment;
    }

    /**
     * @param dtype   the element type the caller reads ({@code <f4}, {@code <f8}, {@code <i4})
     * @param columns elements per row wanted, or -1 for any
     * @throws IOException if the file is not such a table or is shorter than its header says
     */
    static MappedNpy open(Path file, String dtype, long columns) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader h = NpyHeader.read(ch, file.toString());
            if (!h.dtype().equals(dtype) || (columns >= 0 && h.rowElements() != columns)) {
                throw new IOException(file + " holds " + h.dtype() + " rows of " + h.rowElements() + " elements, not " + dtype
                        + (columns >= 0 ? " rows of " + columns : ""));
            }
            h.checkWhole(ch.size(), file.toString());
            long perSegment = Math.max(1, SEGMENT_BYTES / Math.max(1, h.rowBytes()));
            int count = (int) Math.max(1, (h.rows() + perSegment - 1) / perSegment);
            MappedByteBuffer[] segments = new MappedByteBuffer[count];
            for (int s = 0; s < count; s++) {
                long first = s * perSegment;
                long rows = Math.min(perSegment, h.rows() - first);
                segments[s] = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset() + first * h.rowBytes(), Math.max(0, rows) * h.rowBytes());
                segments[s].order(ByteOrder.LITTLE_ENDIAN);
            }
            return new MappedNpy(h, segments, perSegment);
        }
    }

    long rows() { return header.rows(); }

    long columns() { return header.rowElements(); }

    float getFloat(long row, int column) { return segment(row).getFloat(offset(row, column)); }

    double getDouble(long row, int column) { return segment(row).getDouble(offset(row, column)); }

    int getInt(long row, int column) { return segment(row).getInt(offset(row, column)); }

    private MappedByteBuffer segment(long row) {
        if (row < 0 || row >= header.rows()) throw new IndexOutOfBoundsException("row " + row + " of " + header.rows());
        return segments[(int) (row / rowsPerSegment)];
    }

    private int offset(long row, int column) {
        return (int) (((row % rowsPerSegment) * header.rowElements() + column) * header.elementBytes());
    }
}
