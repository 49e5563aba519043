package org.coex.nas.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The front door to a spec's data: finds the format ({@code auto} looks for x_train.npy, CIFAR
 * binaries, train/ class folders, IDX files, in that order), checks shape, counts and memory before
 * any pixel is read ({@link #probe}), then loads and resizes ({@link #load}); and splits the
 * training images into weight-training and validation parts.
 */
public final class DataSets {
    /** Share of the maximum heap the pixels may take: the set, its split copies and the batches must fit beside it. */
    static final double HEAP_SHARE = 0.25;

    private static Dataset cachedData;
    private static DataSpec cachedSpec;

    private DataSets() {}

    /** A probed data set: what it holds (after the resize) and the one line that says what was found. */
    public record Found(DataShape shape, String line) {}

    /** Shape, counts and classes of the spec's data, with the one line to print; pixels are not read. */
    public static Found probe(DataSpec spec) {
        DataReader reader = reader(spec);
        return checked(spec, reader, reader.probe());
    }

    /** The stored shape after the spec's resize, refused when it does not fit the heap. */
    private static Found checked(DataSpec spec, DataReader reader, DataShape stored) {
        DataShape s = stored;
        if (spec.resize() != null) {
            s = new DataShape(s.format(), s.channels(), spec.resize().rows(), spec.resize().cols(), s.trainImages(), s.testImages(), s.classNames());
        }
        long limit = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
        if (s.bytes() > limit) {
            throw DataErrors.at(spec.folder(), String.format(java.util.Locale.ROOT, "its %,d images take %,d MB as bytes, more than a quarter of the Java heap"
                    + " (%,d MB); raise the heap (JAVA_TOOL_OPTIONS=-Xmx%dg) or resize the images", s.trainImages() + s.testImages(), s.bytes() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, (long) Math.ceil(s.bytes() / HEAP_SHARE / (1L << 30)) + 1));
        }
        return new Found(s, "data: " + s.describe(reader.what()));
    }

    /**
     * The spec's images, resized; the last data set loaded is kept, so a search and its retraining
     * read the files once.
     */
    public static synchronized Dataset load(DataSpec spec) {
        if (spec.equals(cachedSpec)) return cachedData;
        DataReader reader = reader(spec);
        DataShape stored = reader.probe();
        checked(spec, reader, stored);
        Dataset d = reader.load(stored);
        d = new Dataset(Resampling.resize(d.train(), spec.resize()), Resampling.resize(d.test(), spec.resize()), d.classNames());
        cachedData = d;
        cachedSpec = spec;
        return d;
    }

    /**
     * Splits the training images into weight-training and architecture-validation parts by a seeded
     * permutation: the first {@code validation} images of it validate, the rest train.
     */
    public static ImageSet[] split(ImageSet train, int validation, long seed) {
        if (validation < 1 || validation >= train.count()) {
            throw new IllegalArgumentException("validation size must be in 1.." + (train.count() - 1) + ", found " + validation);
        }
        int[] p = train.permutation(seed);
        return new ImageSet[] {train.subset(Arrays.copyOfRange(p, validation, p.length)), train.subset(Arrays.copyOfRange(p, 0, validation))};
    }

    private static DataReader reader(DataSpec spec) {
        Path dir = spec.folder();
        if (!Files.exists(dir)) {
            throw DataErrors.at(dir, spec.path() == null ? "not found" + FashionMnist.INSTALL_HINT : "folder not found; check the data path");
        }
        if (!Files.isDirectory(dir)) throw DataErrors.at(dir, "is a file; give the folder that holds the data files");
        return switch (spec.format()) {
            case IDX -> new IdxData(dir);
            case CIFAR -> CifarData.in(dir, spec.labels());
            case FOLDER -> new ImageFolderData(dir, spec.resize(), spec.channels());
            case NPY -> new NpyData(dir, spec.layout());
            case AUTO -> detect(spec, dir);
        };
    }

    private static DataReader detect(DataSpec spec, Path dir) {
        if (NpyData.looksLike(dir)) return new NpyData(dir, spec.layout());
        CifarData cifar = CifarData.find(dir, spec.labels());
        if (cifar != null) return cifar;
        if (ImageFolderData.looksLike(dir)) return new ImageFolderData(dir, spec.resize(), spec.channels());
        if (IdxData.looksLike(dir)) return new IdxData(dir);
        throw DataErrors.at(dir, "holds no data coex knows: x_train.npy (npy), data_batch_1.bin or train.bin (cifar), train/<class>/ (folder)"
                + " or *train-images* IDX files (idx); see docs/nas.md" + (spec.path() == null ? FashionMnist.INSTALL_HINT : ""));
    }
}
