package org.coex.nas.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;

/**
 * Fashion-MNIST (Xiao et al. 2017): 60,000 training and 10,000 test images of 28 x 28, 10 classes,
 * as installed by Debian's {@code dataset-fashion-mnist} package (or any folder with the four IDX
 * files, gzipped or not).
 */
public final class FashionMnist {
    /** Where Debian's package installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int CLASSES = 10;

    private FashionMnist() {}

    /** The training and test sets. */
    public record Data(ImageSet train, ImageSet test) {}

    /** @throws SpecException with the install command when the files are missing */
    public static Data load(Path dir) {
        Path d = dir == null ? DEBIAN_DIR : dir;
        return new Data(IdxFiles.read(find(d, "train-images-idx3-ubyte"), find(d, "train-labels-idx1-ubyte")),
                IdxFiles.read(find(d, "t10k-images-idx3-ubyte"), find(d, "t10k-labels-idx1-ubyte")));
    }

    static Path find(Path dir, String stem) {
        for (String name : new String[] {stem + ".gz", stem}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        throw new SpecException(Problem.at(dir.resolve(stem + ".gz"), 0, "", "Fashion-MNIST not found; install it with "
                + "'sudo apt-get install dataset-fashion-mnist' or give --data-dir with the four IDX files"));
    }

    /**
     * Splits the 60,000 training images into weight-training and architecture-validation parts by a
     * seeded permutation: the first {@code validation} images of it validate, the rest train.
     */
    public static ImageSet[] split(ImageSet train, int validation, long seed) {
        if (validation < 1 || validation >= train.count()) {
            throw new IllegalArgumentException("validation size must be in 1.." + (train.count() - 1) + ", found " + validation);
        }
        int[] p = train.permutation(seed);
        return new ImageSet[] {train.subset(java.util.Arrays.copyOfRange(p, validation, p.length)),
            train.subset(java.util.Arrays.copyOfRange(p, 0, validation))};
    }
}
