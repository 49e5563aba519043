package org.coex.nas.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;

/**
 * Reads IDX files (LeCun's MNIST format): a big-endian magic number {@code 0x0000 TT DD} (TT = 0x08,
 * unsigned bytes; DD = number of dimensions), DD big-endian int sizes, then the data. Gzip-compressed
 * or plain (detected by the gzip magic). Images must be 3-dimensional (count, rows, cols), labels
 * 1-dimensional. Every mismatch is a {@link SpecException} naming the file.
 */
public final class IdxFiles {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {}

    /** Images and their labels from two IDX files; the counts must agree. */
    public static ImageSet read(Path images, Path labels) {
        Idx im = readIdx(images, IMAGES_MAGIC, 3, false);
        int[] lb = labels(images, labels, im.dims()[0]);
        return ImageSet.grey(im.dims()[0], im.dims()[1], im.dims()[2], im.data(), lb);
    }

    /** The image file's sizes (count, rows, cols), read from its header only. */
    static int[] imageDims(Path images) {
        return readIdx(images, IMAGES_MAGIC, 3, true).dims();
    }

    /** The labels of a label file, which must hold one per image of {@code images}. */
    static int[] labels(Path images, Path labels, int imageCount) {
        Idx lb = readIdx(labels, LABELS_MAGIC, 1, false);
        if (imageCount != lb.dims()[0]) {
            throw new SpecException(Problem.at(labels, 0, "", "holds " + lb.dims()[0] + " labels but " + images.getFileName()
                    + " holds " + imageCount + " images; use the matching pair of files"));
        }
        int[] out = new int[lb.data().length];
        for (int i = 0; i < out.length; i++) out[i] = lb.data()[i] & 0xff;
        return out;
    }

    record Idx(int[] dims, byte[] data) {}

    /** A file's sizes and data; with {@code headerOnly} the data is not read (and is empty). */
    static Idx readIdx(Path file, int expectedMagic, int expectedDims, boolean headerOnly) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(gzipped(raw) ? new GZIPInputStream(raw) : raw)) {
            int magic = in.readInt();
            if (magic != expectedMagic) {
                throw new SpecException(Problem.at(file, 0, "", String.format(
                        "not an IDX %s file (magic 0x%08x, expected 0x%08x)", expectedDims == 3 ? "image" : "label", magic, expectedMagic)));
            }
            int[] dims = new int[expectedDims];
            long size = 1;
            for (int i = 0; i < expectedDims; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 1) throw new SpecException(Problem.at(file, 0, "", "dimension " + i + " is " + dims[i] + "; IDX sizes must be >= 1"));
                size *= dims[i];
            }
            if (size > Integer.MAX_VALUE - 8) throw new SpecException(Problem.at(file, 0, "", "too large: " + size + " bytes of data"));
            if (headerOnly) return new Idx(dims, new byte[0]);
            byte[] data = new byte[(int) size];
            in.readFully(data);
            if (in.read() != -1) throw new SpecException(Problem.at(file, 0, "", "has bytes after the " + size + " its header announces"));
            return new Idx(dims, data);
        } catch (NoSuchFileException e) {
            throw new SpecException(Problem.at(file, 0, "", "file not found"));
        } catch (EOFException e) {
            throw new SpecException(Problem.at(file, 0, "", "ends before the data its header announces (truncated download?)"));
        } catch (IOException e) {
            throw new SpecException(Problem.at(file, 0, "", "cannot read: " + e.getMessage()));
        }
    }

    private static boolean gzipped(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }
}
