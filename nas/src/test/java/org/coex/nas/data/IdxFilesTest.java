package org.coex.nas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.coex.accel.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {
    @TempDir Path dir;

    /** An IDX file with the given magic, sizes and data. */
    static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeInt(magic);
            for (int d : dims) out.writeInt(d);
            out.write(data);
        }
        return b.toByteArray();
    }

    Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    /** Five 2x3 images whose pixels are their index, labels 0..4. */
    Path[] tinySet(boolean gzip) throws IOException {
        byte[] px = new byte[5 * 6];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i / 6);
        return new Path[] {write("img", idx(IdxFiles.IMAGES_MAGIC, new int[] {5, 2, 3}, px), gzip),
            write("lbl", idx(IdxFiles.LABELS_MAGIC, new int[] {5}, new byte[] {0, 1, 2, 3, 4}), gzip)};
    }

    @Test
    void readsPlainAndGzippedFiles() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path[] f = tinySet(gzip);
            ImageSet s = IdxFiles.read(f[0], f[1]);
            assertEquals(5, s.count());
            assertEquals(2, s.rows());
            assertEquals(3, s.cols());
            assertEquals(4, s.pixel(4, 5));
            assertEquals(3, s.label(3));
        }
    }

    @Test
    void rejectsWrongMagicTruncationExtraBytesAndMismatchedCounts() throws IOException {
        Path labels = write("l", idx(IdxFiles.LABELS_MAGIC, new int[] {2}, new byte[] {0, 1}), false);
        Path wrongMagic = write("a", idx(IdxFiles.LABELS_MAGIC, new int[] {2, 1, 1}, new byte[] {0, 1}), false);
        Path truncated = write("b", Arrays.copyOf(idx(IdxFiles.IMAGES_MAGIC, new int[] {2, 2, 2}, new byte[8]), 20), false);
        Path extra = write("c", idx(IdxFiles.IMAGES_MAGIC, new int[] {2, 1, 1}, new byte[] {0, 1, 9}), false);
        Path three = write("d", idx(IdxFiles.IMAGES_MAGIC, new int[] {3, 1, 1}, new byte[] {0, 1, 2}), false);
        assertTrue(message(wrongMagic, labels).contains("not an IDX image file (magic 0x00000801, expected 0x00000803)"));
        assertTrue(message(truncated, labels).contains("ends before the data its header announces"));
        assertTrue(message(extra, labels).contains("has bytes after the 2 its header announces"));
        assertTrue(message(three, labels).contains("holds 2 labels but d holds 3 images"));
        assertTrue(message(dir.resolve("none"), labels).contains("file not found"));
    }

    String message(Path images, Path labels) {
        return assertThrows(SpecException.class, () -> IdxFiles.read(images, labels)).getMessage();
    }

    @Test
    void aMissingFolderIsNamed() {
        SpecException e = assertThrows(SpecException.class, () -> DataSets.load(DataSpec.defaults().withPath(dir.resolve("nothing-here"))));
        assertTrue(e.getMessage().contains("folder not found"), e.getMessage());
        assertEquals(1, e.problems().size());
    }

    @Test
    void theSplitIsSeededDisjointAndComplete() throws IOException {
        byte[] px = new byte[100];
        int[] lb = new int[100];
        for (int i = 0; i < 100; i++) {
            px[i] = (byte) i;
            lb[i] = i % 10;
        }
        ImageSet all = ImageSet.grey(100, 1, 1, px, lb);
        ImageSet[] a = DataSets.split(all, 20, 7);
        ImageSet[] b = DataSets.split(all, 20, 7);
        ImageSet[] c = DataSets.split(all, 20, 8);
        assertEquals(80, a[0].count());
        assertEquals(20, a[1].count());
        assertArrayEquals(a[1].pixels(), b[1].pixels());
        assertFalse(Arrays.equals(a[1].pixels(), c[1].pixels()));
        boolean[] seen = new boolean[100];
        for (ImageSet s : a) for (byte p : s.pixels()) {
            assertFalse(seen[p & 0xff]);
            seen[p & 0xff] = true;
        }
    }
}
