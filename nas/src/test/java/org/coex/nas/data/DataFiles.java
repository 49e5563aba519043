package org.coex.nas.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Writes data sets in every format coex reads, byte for byte as the tools that make them do (for tests). */
final class DataFiles {
    private DataFiles() {}

    /** A .npy file as numpy.save writes it (format 1.0, header padded with spaces to a multiple of 64 bytes, ending in a newline). */
    static void npy(Path file, String descr, long[] shape, byte[] data) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) dims.append(d).append(", ");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + (shape.length == 1 ? shape[0] + "," : dims.substring(0, dims.length() - 2)) + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
    }

    /** int64 little-endian bytes of {@code values}. */
    static byte[] int64(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) b.putLong(v);
        return b.array();
    }

    /** float32 little-endian bytes of {@code pixels / scale}. */
    static byte[] float32(byte[] pixels, double scale) {
        ByteBuffer b = ByteBuffer.allocate(pixels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (byte p : pixels) b.putFloat((float) ((p & 0xff) / scale));
        return b.array();
    }

    /** x_/y_ train and test arrays of a grey set ([N, H, W] uint8 and int64 labels). */
    static void npySet(Path dir, ImageSet train, ImageSet test) throws IOException {
        for (var e : java.util.Map.of("train", train, "test", test).entrySet()) {
            ImageSet s = e.getValue();
            npy(dir.resolve("x_" + e.getKey() + ".npy"), "|u1", new long[] {s.count(), s.rows(), s.cols()}, s.pixels());
            npy(dir.resolve("y_" + e.getKey() + ".npy"), "<i8", new long[] {s.count()}, int64(s.labels()));
        }
    }

    /** Gzipped IDX image and label files named as Fashion-MNIST's. */
    static void idxSet(Path dir, ImageSet train, ImageSet test) throws IOException {
        Files.createDirectories(dir);
        for (var e : java.util.Map.of("train", train, "t10k", test).entrySet()) {
            ImageSet s = e.getValue();
            byte[] labels = new byte[s.count()];
            for (int i = 0; i < labels.length; i++) labels[i] = (byte) s.label(i);
            gzip(dir.resolve(e.getKey() + "-images-idx3-ubyte.gz"), IdxFilesTest.idx(IdxFiles.IMAGES_MAGIC, new int[] {s.count(), s.rows(), s.cols()}, s.pixels()));
            gzip(dir.resolve(e.getKey() + "-labels-idx1-ubyte.gz"), IdxFilesTest.idx(IdxFiles.LABELS_MAGIC, new int[] {s.count()}, labels));
        }
    }

    private static void gzip(Path p, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content);
        }
    }

    /** train/<class>/NNNNN.png and test/<class>/... of a grey or RGB set; class folders named by {@code names}. */
    static void pngFolder(Path dir, ImageSet train, ImageSet test, java.util.List<String> names) throws IOException {
        for (var e : java.util.Map.of("train", train, "test", test).entrySet()) {
            ImageSet s = e.getValue();
            java.util.stream.IntStream.range(0, s.count()).parallel().forEach(i -> {
                Path f = dir.resolve(e.getKey()).resolve(names.get(s.label(i))).resolve(String.format("%05d.png", i));
                try {
                    Files.createDirectories(f.getParent());
                    ImageIO.write(image(s, i), "png", f.toFile());
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
        }
    }

    static BufferedImage image(ImageSet s, int i) {
        int h = s.rows(), w = s.cols(), plane = h * w;
        if (s.channels() == 1) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, w, h, java.util.Arrays.copyOfRange(s.pixels(), i * plane, (i + 1) * plane));
            return img;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                img.setRGB(x, y, s.pixel(i, p) << 16 | s.pixel(i, plane + p) << 8 | s.pixel(i, 2 * plane + p));
            }
        }
        return img;
    }

    /** Random CHW images with labels i mod classes. */
    static ImageSet random(int n, int channels, int side, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * channels * side * side];
        for (int i = 0; i < px.length; i++) px[i] = (byte) rng.nextInt(256);
        int[] lb = new int[n];
        for (int i = 0; i < n; i++) lb[i] = i % classes;
        return new ImageSet(n, channels, side, side, px, lb);
    }

    /** CIFAR-10 records (label, 3,072 pixels) of a 3 x 32 x 32 set. */
    static byte[] cifar10(ImageSet s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.count(); i++) {
            out.write(s.label(i));
            out.write(s.pixels(), i * 3072, 3072);
        }
        return out.toByteArray();
    }

    /** CIFAR-100 records (coarse label, fine label, 3,072 pixels); coarse = fine / 5. */
    static byte[] cifar100(ImageSet s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.count(); i++) {
            out.write(s.label(i) / 5);
            out.write(s.label(i));
            out.write(s.pixels(), i * 3072, 3072);
        }
        return out.toByteArray();
    }
}
