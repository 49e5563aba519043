package org.coex.evaluator.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file (format 1.0): the magic string, version, header length, then the
 * dictionary {@code {'descr': '<f4', 'fortran_order': False, 'shape': (N, K), }} padded with spaces
 * and a newline so that the data starts at a multiple of 64 bytes. Only little-endian C-order arrays
 * of float32, float64 and int32 are written and read here (what numpy writes for those by default).
 *
 * @param dtype {@code <f4}, {@code <f8} or {@code <i4}
 * @param shape rows, or rows and columns
 */
record NpyHeader(String dtype, long[] shape, int dataOffset) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern DICT = Pattern.compile("\\{'descr': '([<>|][a-z][0-9]+)', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\), \\}\\s*");

    /** A header for an array of {@code dtype} and {@code shape}. */
    static NpyHeader of(String dtype, long... shape) {
        return new NpyHeader(dtype, shape.clone(), bytes(dtype, shape).length);
    }

    /** Bytes of one element. */
    int elementBytes() { return Integer.parseInt(dtype.substring(2)); }

    /** Elements per row: the product of every dimension but the first. */
    long rowElements() {
        long e = 1;
        for (int i = 1; i < shape.length; i++) e *= shape[i];
        return e;
    }

    long rowBytes() { return rowElements() * elementBytes(); }

    long rows() { return shape[0]; }

    /** @throws IOException if a file of {@code size} bytes holds fewer than the rows this header promises */
    void checkWhole(long size, String name) throws IOException {
        long need = dataOffset + rows() * rowBytes();
        if (size < need) throw new IOException(name + " is cut short: " + size + " bytes, its header needs " + need + " (a generation that did not finish?)");
    }

    byte[] bytes() { return bytes(dtype, shape); }

    private static byte[] bytes(String dtype, long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) s.append(i == 0 ? "" : ", ").append(shape[i]);
        if (shape.length == 1) s.append(',');
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + s + "), }";
        int total = MAGIC.length + 2 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** The header at the start of {@code channel}. @throws IOException if it is not a .npy header this class reads */
    static NpyHeader read(FileChannel channel, String name) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(start, 0);
        if (start.position() < start.capacity() || !Arrays.equals(Arrays.copyOf(start.array(), 6), Arrays.copyOf(MAGIC, 6)) || start.get(6) != 1) {
            throw new IOException(name + " is not a .npy file of format 1.0");
        }
        int length = Short.toUnsignedInt(start.getShort(MAGIC.length));
        ByteBuffer dict = ByteBuffer.allocate(length);
        channel.read(dict, MAGIC.length + 2);
        Matcher m = DICT.matcher(new String(dict.array(), StandardCharsets.US_ASCII));
        if (!m.matches() || m.group(2).equals("True")) throw new IOException(name + ": not a C-order .npy array this reader knows");
        String[] dims = m.group(3).replace(" ", "").split(",");
        long[] shape = Arrays.stream(dims).filter(d -> !d.isEmpty()).mapToLong(Long::parseLong).toArray();
        if (shape.length == 0) throw new IOException(name + ": a scalar .npy array, not a table");
        return new NpyHeader(m.group(1), shape, MAGIC.length + 2 + length);
    }
}
