package org.coex.nas.data;

import java.util.List;

/**
 * What a data set holds, known before its pixels are read: the format found, image shape (after any
 * resize), split sizes and classes (their names in label order).
 */
public record DataShape(DataFormat format, int channels, int rows, int cols, int trainImages, int testImages, List<String> classNames) {
    public DataShape {
        classNames = List.copyOf(classNames);
    }

    public int classes() { return classNames.size(); }

    /** Bytes the pixels of both splits take in memory. */
    public long bytes() { return ((long) trainImages + testImages) * channels * rows * cols; }

    /** One line: "CIFAR-10 binary batches: 50,000 + 10,000 images of 3 x 32 x 32, 10 classes". */
    public String describe(String what) {
        return String.format(java.util.Locale.ROOT, "%s: %,d training + %,d test images of %d x %d x %d, %d classes",
                what, trainImages, testImages, channels, rows, cols, classes());
    }

    /** Class names 0, 1, ... n-1 for formats whose files carry only label numbers. */
    public static List<String> numbered(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }
}
