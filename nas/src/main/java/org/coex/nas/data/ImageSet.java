package org.coex.nas.data;

import java.util.SplittableRandom;

/**
 * Grey-scale images and their labels, as stored in IDX files: {@code count} images of
 * {@code rows x cols} unsigned bytes, row-major, one after another.
 */
public record ImageSet(int count, int rows, int cols, byte[] pixels, byte[] labels) {
    public ImageSet {
        if (count < 0 || rows < 1 || cols < 1) throw new IllegalArgumentException("bad image set shape " + count + "x" + rows + "x" + cols);
        if (pixels.length != (long) count * rows * cols) throw new IllegalArgumentException("pixels do not match the shape");
        if (labels.length != count) throw new IllegalArgumentException("labels (" + labels.length + ") do not match images (" + count + ")");
    }

    public int imageSize() { return rows * cols; }

    public int label(int i) { return labels[i] & 0xff; }

    /** Pixel j of image i in [0, 255]. */
    public int pixel(int i, int j) { return pixels[i * imageSize() + j] & 0xff; }

    /** The first {@code limit} images; all of them when {@code limit} is 0 or at least the count. */
    public ImageSet first(int limit) {
        return limit <= 0 || limit >= count ? this : subset(java.util.stream.IntStream.range(0, limit).toArray());
    }

    /** The images at these indices, in that order. */
    public ImageSet subset(int[] indices) {
        int size = imageSize();
        byte[] px = new byte[indices.length * size];
        byte[] lb = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * size, px, k * size, size);
            lb[k] = labels[indices[k]];
        }
        return new ImageSet(indices.length, rows, cols, px, lb);
    }

    /** A seeded permutation of 0..count-1 (Fisher-Yates). */
    public int[] permutation(long seed) {
        int[] p = new int[count];
        for (int i = 0; i < count; i++) p[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Mean and standard deviation of all pixels scaled to [0, 1]. */
    public double[] meanStd() {
        double sum = 0;
        double sq = 0;
        for (byte b : pixels) {
            double v = (b & 0xff) / 255.0;
            sum += v;
            sq += v * v;
        }
        double n = Math.max(1, pixels.length);
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean))};
    }
}
