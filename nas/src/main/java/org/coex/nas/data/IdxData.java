package org.coex.nas.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An MNIST-family IDX set in one folder: the files whose names contain {@code train-images},
 * {@code train-labels}, and {@code t10k-images} / {@code t10k-labels} (or {@code test-images} /
 * {@code test-labels}), gzipped or not, one of each (Fashion-MNIST, MNIST, KMNIST, one EMNIST split).
 */
final class IdxData implements DataReader {
    private final Path dir;

    IdxData(Path dir) { this.dir = dir; }

    /** Whether the folder holds IDX training images. */
    static boolean looksLike(Path dir) {
        return !matches(dir, "train-images").isEmpty();
    }

    @Override public String what() { return "IDX files in " + dir; }

    @Override public DataShape probe() {
        int[] train = IdxFiles.imageDims(file("train-images"));
        int[] test = IdxFiles.imageDims(testFile("images"));
        if (train[1] != test[1] || train[2] != test[2]) {
            throw DataErrors.at(testFile("images"), "holds " + test[1] + " x " + test[2] + " images but the training file "
                    + train[1] + " x " + train[2] + "; use the files of one data set");
        }
        int[] trainLabels = IdxFiles.labels(file("train-images"), file("train-labels"), train[0]);
        int[] testLabels = IdxFiles.labels(testFile("images"), testFile("labels"), test[0]);
        DataErrors.checkLabels(file("train-labels"), "training", trainLabels, 256);
        DataErrors.checkLabels(testFile("labels"), "test", testLabels, 256);
        int classes = Math.max(max(trainLabels), max(testLabels)) + 1;
        return new DataShape(DataFormat.IDX, 1, train[1], train[2], train[0], test[0], DataShape.numbered(classes));
    }

    @Override public Dataset load(DataShape shape) {
        return new Dataset(IdxFiles.read(file("train-images"), file("train-labels")),
                IdxFiles.read(testFile("images"), testFile("labels")), shape.classNames());
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) m = Math.max(m, v);
        return m;
    }

    private Path testFile(String kind) {
        return matches(dir, "t10k-" + kind).isEmpty() && !matches(dir, "test-" + kind).isEmpty() ? file("test-" + kind) : file("t10k-" + kind);
    }

    /** The one file whose name contains {@code part}. */
    private Path file(String part) {
        List<Path> found = matches(dir, part);
        if (found.isEmpty()) {
            throw DataErrors.at(dir, "no IDX file named *" + part + "*" + (dir.equals(FashionMnist.DEBIAN_DIR) ? FashionMnist.INSTALL_HINT : ""));
        }
        if (found.size() > 1) {
            throw DataErrors.at(dir, "holds " + found.size() + " files named *" + part + "* (" + String.join(", ",
                    found.stream().map(p -> p.getFileName().toString()).toList()) + "); keep one set per folder");
        }
        return found.get(0);
    }

    private static List<Path> matches(Path dir, String part) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains(part)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
