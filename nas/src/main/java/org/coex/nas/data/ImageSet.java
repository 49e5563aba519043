package org.coex.nas.data;

import java.util.SplittableRandom;

/**
 * Images and their labels, held as unsigned bytes: {@code count} images of {@code channels x rows x
 * cols} (channel planes one after another, each row-major), one image after another; labels 0-based.
 */
public record ImageSet(int count, int channels, int rows, int cols, byte[] pixels, int[] labels) {
    public ImageSet {
        if (count < 0 || channels < 1 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("bad image set shape " + count + "x" + channels + "x" + rows + "x" + cols);
        }
        if (pixels.length != (long) count * channels * rows * cols) throw new IllegalArgumentException("pixels do not match the shape");
        if (labels.length != count) throw new IllegalArgumentException("labels (" + labels.length + ") do not match images (" + count + ")");
    }

    /** Grey-scale images (one channel). */
    public static ImageSet grey(int count, int rows, int cols, byte[] pixels, int[] labels) {
        return new ImageSet(count, 1, rows, cols, pixels, labels);
    }

    /** Bytes per image: channels x rows x cols. */
    public int imageSize() { return channels * rows * cols; }

    public int label(int i) { return labels[i]; }

    /** Byte j (channel-plane order) of image i, in [0, 255]. */
    public int pixel(int i, int j) { return pixels[i * imageSize() + j] & 0xff; }

    /** Number of classes: the largest label + 1 (0 for an empty set). */
    public int classCount() {
        int max = -1;
        for (int l : labels) max = Math.max(max, l);
        return max + 1;
    }

    /** The first {@code limit} images; all of them when {@code limit} is 0 or at least the count. */
    public ImageSet first(int limit) {
        return limit <= 0 || limit >= count ? this : subset(java.util.stream.IntStream.range(0, limit).toArray());
    }

    /**
     * {@code limit} images drawn without replacement by a seeded permutation, kept in file order (so a
     * folder listed class by class still gives every class); all of them when {@code limit} is 0 or at
     * least the count.
     */
    public ImageSet sample(int limit, long seed) {
        if (limit <= 0 || limit >= count) return this;
        int[] chosen = java.util.Arrays.copyOf(permutation(seed), limit);
        java.util.Arrays.sort(chosen);
        return subset(chosen);
    }

    /** The images at these indices, in that order. */
    public ImageSet subset(int[] indices) {
        int size = imageSize();
        byte[] px = new byte[indices.length * size];
        int[] lb = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * size, px, k * size, size);
            lb[k] = labels[indices[k]];
        }
        return new ImageSet(indices.length, channels, rows, cols, px, lb);
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

    /** Per-channel mean and standard deviation of the pixels scaled to [0, 1]. */
    public Normalization normalization() {
        double[] sum = new double[channels];
        double[] sq = new double[channels];
        int plane = rows * cols;
        for (int i = 0; i < pixels.length; i++) {
            double v = (pixels[i] & 0xff) / 255.0;
            int c = (i / plane) % channels;
            sum[c] += v;
            sq[c] += v * v;
        }
        double n = Math.max(1, (double) count * plane);
        double[] mean = new double[channels];
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = sum[c] / n;
            std[c] = Math.sqrt(Math.max(0, sq[c] / n - mean[c] * mean[c]));
        }
        return new Normalization(mean, std);
    }
}
