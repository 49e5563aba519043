package org.coex.nas.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file (format versions 1-3): magic {@code \x93NUMPY}, version,
 * header length (2 bytes little-endian in 1.0, 4 in 2.0+), then a Python dict literal with
 * {@code descr}, {@code fortran_order} and {@code shape}. Read to check an array (type, order, size
 * against the file's length) before ND4J loads it.
 *
 * @param descr     the dtype, e.g. {@code |u1}, {@code <f4}, {@code <i8}
 * @param dataStart byte offset of the first element
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape, long dataStart) {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    static NpyHeader read(Path file) {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            byte[] magic = new byte[6];
            in.readFully(magic);
            if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
                throw DataErrors.at(file, "is not a .npy file (no \\x93NUMPY magic); save it with numpy.save");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            long length = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort())) : Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            if (length > 1 << 20) throw DataErrors.at(file, "has a " + length + "-byte header; not a .npy file numpy wrote");
            byte[] dict = new byte[(int) length];
            in.readFully(dict);
            String text = new String(dict, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Matcher d = DESCR.matcher(text);
            Matcher f = FORTRAN.matcher(text);
            Matcher s = SHAPE.matcher(text);
            if (!d.find() || !f.find() || !s.find()) throw DataErrors.at(file, "has a header without descr, fortran_order and shape: " + text.strip());
            String[] parts = s.group(1).split(",");
            long[] shape = java.util.Arrays.stream(parts).map(String::strip).filter(p -> !p.isEmpty()).mapToLong(Long::parseLong).toArray();
            NpyHeader h = new NpyHeader(d.group(1), f.group(1).equals("True"), shape, (major == 1 ? 10 : 12) + length);
            long expected = h.dataStart + h.elements() * h.itemSize();
            long size = Files.size(file);
            if (h.itemSize() > 0 && size != expected) {
                throw DataErrors.at(file, String.format(java.util.Locale.ROOT, "is %s: its header announces %,d bytes of data, the file ends at byte offset %,d (expected %,d)",
                        size < expected ? "truncated" : "longer than its header says", expected - h.dataStart, size, expected));
            }
            return h;
        } catch (NoSuchFileException e) {
            throw DataErrors.at(file, "file not found; a npy data folder holds x_train.npy, y_train.npy, x_test.npy and y_test.npy");
        } catch (java.io.EOFException e) {
            throw DataErrors.at(file, "ends inside its header (truncated?)");
        } catch (NumberFormatException e) {
            throw DataErrors.at(file, "has a shape that is not a list of integers");
        } catch (IOException e) {
            throw DataErrors.at(file, "cannot read: " + e.getMessage());
        }
    }

    long elements() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    /** Bytes per element from the dtype's trailing digits ({@code <f4}: 4), 0 when it has none. */
    int itemSize() {
        Matcher m = Pattern.compile("(\\d+)$").matcher(descr);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    String shapeText() {
        return "(" + String.join(", ", java.util.Arrays.stream(shape).mapToObj(Long::toString).toList()) + ")";
    }
}
