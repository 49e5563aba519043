package org.coex.nas.data;

import java.nio.file.Path;

/**
 * Where a search's images come from and how they are prepared: the format ({@code auto} detects
 * it), the folder, an optional resize, the share of the training split held out for validation, and
 * the format's own choices (CIFAR-100's label set, the axis order of .npy images).
 *
 * @param path       the data folder; null = Fashion-MNIST where Debian installs it
 * @param resize     the size every image is resampled to, or null to keep the files' size
 * @param validation training images held out for the architecture steps
 * @param channels   for image folders: 1 or 3 to convert every image to grey or RGB; 0 = the first training image's
 */
public record DataSpec(DataFormat format, Path path, Size resize, HoldOut validation, CifarLabels labels, Layout layout, int channels) {

    /** Height and width in pixels, both at least 1. */
    public record Size(int rows, int cols) {
        public Size {
            if (rows < 1 || cols < 1) throw new IllegalArgumentException("sizes must be >= 1");
        }
        @Override public String toString() { return rows + " x " + cols; }
    }

    /** A count of images, or a fraction (0 < f < 1) of the training split when {@code count} is 0. */
    public record HoldOut(int count, double fraction) {
        public static HoldOut images(int n) { return new HoldOut(n, 0); }

        public static HoldOut share(double f) { return new HoldOut(0, f); }

        /** The count for a training split of {@code trainImages}: the count, or round(fraction x images), at least 1. */
        public int of(int trainImages) { return count > 0 ? count : Math.max(1, (int) Math.round(fraction * trainImages)); }

        @Override public String toString() { return count > 0 ? Integer.toString(count) : Double.toString(fraction); }
    }

    /** CIFAR-100's two label sets: 100 fine classes or 20 coarse superclasses. */
    public enum CifarLabels { FINE, COARSE }

    /** Axis order of .npy image arrays: [N, H, W, C] or [N, C, H, W]. */
    public enum Layout { NHWC, NCHW }

    /** Fashion-MNIST from Debian's package, 1,500 validation images (the default search's architecture steps): what coex reads without a data block. */
    public static DataSpec defaults() {
        return new DataSpec(DataFormat.AUTO, null, null, HoldOut.images(1_500), CifarLabels.FINE, Layout.NHWC, 0);
    }

    /** The folder the files are read from. */
    public Path folder() { return path == null ? FashionMnist.DEBIAN_DIR : path; }

    public DataSpec withPath(Path p) { return new DataSpec(format, p, resize, validation, labels, layout, channels); }

    public DataSpec withResize(Size r) { return new DataSpec(format, path, r, validation, labels, layout, channels); }

    public DataSpec withValidation(HoldOut v) { return new DataSpec(format, path, resize, v, labels, layout, channels); }
}
