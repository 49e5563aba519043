package org.coex.nas.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 and CIFAR-100 in their binary versions. CIFAR-10: {@code data_batch_1.bin} ...
 * {@code data_batch_5.bin} and {@code test_batch.bin}, records of 1 label byte + 3,072 pixel bytes
 * (32 x 32 red plane, green, blue). CIFAR-100: {@code train.bin} and {@code test.bin}, records of a
 * coarse and a fine label byte + 3,072 pixel bytes. The files may sit in the folder itself or in the
 * archive's own subfolder ({@code cifar-10-batches-bin}, {@code cifar-100-binary}). Class names come
 * from {@code batches.meta.txt} / {@code fine_label_names.txt} / {@code coarse_label_names.txt} when present.
 */
final class CifarData implements DataReader {
    static final int SIDE = 32;
    static final int PIXELS = 3 * SIDE * SIDE;

    private final Path dir;
    private final boolean hundred;
    private final DataSpec.CifarLabels labelSet;

    private CifarData(Path dir, boolean hundred, DataSpec.CifarLabels labelSet) {
        this.dir = dir;
        this.hundred = hundred;
        this.labelSet = labelSet;
    }

    /** The CIFAR set in {@code folder} (or its archive subfolder), or null when there is none. */
    static CifarData find(Path folder, DataSpec.CifarLabels labels) {
        for (Path d : List.of(folder, folder.resolve("cifar-10-batches-bin"), folder.resolve("cifar-100-binary"))) {
            if (Files.isRegularFile(d.resolve("data_batch_1.bin"))) return new CifarData(d, false, labels);
            if (Files.isRegularFile(d.resolve("train.bin"))) return new CifarData(d, true, labels);
        }
        return null;
    }

    /** Like {@link #find}, but a folder without CIFAR files is an error. */
    static CifarData in(Path folder, DataSpec.CifarLabels labels) {
        CifarData c = find(folder, labels);
        if (c == null) throw DataErrors.at(folder, "no CIFAR binary files (data_batch_1.bin ... and test_batch.bin, or train.bin and test.bin)");
        return c;
    }

    @Override public String what() {
        return (hundred ? "CIFAR-100 binary files (" + labelSet.name().toLowerCase(java.util.Locale.ROOT) + " labels)" : "CIFAR-10 binary batches") + " in " + dir;
    }

    private int recordSize() { return (hundred ? 2 : 1) + PIXELS; }

    private int classes() { return !hundred ? 10 : labelSet == DataSpec.CifarLabels.FINE ? 100 : 20; }

    private List<Path> trainFiles() {
        if (hundred) return List.of(dir.resolve("train.bin"));
        List<Path> out = new ArrayList<>();
        for (int i = 1; Files.isRegularFile(dir.resolve("data_batch_" + i + ".bin")); i++) out.add(dir.resolve("data_batch_" + i + ".bin"));
        return out;
    }

    private Path testFile() {
        Path p = dir.resolve(hundred ? "test.bin" : "test_batch.bin");
        if (!Files.isRegularFile(p)) throw DataErrors.at(p, "file not found; CIFAR's test split belongs next to the training files");
        return p;
    }

    @Override public DataShape probe() {
        long train = 0;
        for (Path p : trainFiles()) train += records(p);
        return new DataShape(DataFormat.CIFAR, 3, SIDE, SIDE, (int) train, (int) records(testFile()), classNames());
    }

    @Override public Dataset load(DataShape shape) {
        return new Dataset(read(trainFiles(), "training"), read(List.of(testFile()), "test"), shape.classNames());
    }

    /** Records in a file, which must hold a whole number of them. */
    private long records(Path p) {
        try {
            long size = Files.size(p);
            if (size == 0 || size % recordSize() != 0) {
                throw DataErrors.at(p, String.format(java.util.Locale.ROOT, "is truncated or not a %s file: %,d bytes is not a whole number of %,d-byte records"
                        + " (the last whole record ends at byte offset %,d)", hundred ? "CIFAR-100" : "CIFAR-10", size, recordSize(), size / recordSize() * recordSize()));
            }
            return size / recordSize();
        } catch (IOException e) {
            throw DataErrors.at(p, "cannot read: " + e.getMessage());
        }
    }

    private ImageSet read(List<Path> files, String split) {
        long total = 0;
        for (Path p : files) total += records(p);
        byte[] pixels = new byte[(int) (total * PIXELS)];
        int[] labels = new int[(int) total];
        int n = 0;
        int labelByte = hundred && labelSet == DataSpec.CifarLabels.FINE ? 1 : 0;
        for (Path p : files) {
            byte[] all;
            try {
                all = Files.readAllBytes(p);
            } catch (IOException e) {
                throw DataErrors.at(p, "cannot read: " + e.getMessage());
            }
            for (int off = 0; off < all.length; off += recordSize(), n++) {
                int label = all[off + labelByte] & 0xff;
                if (label >= classes()) {
                    throw DataErrors.at(p, String.format(java.util.Locale.ROOT, "the record at byte offset %,d has label %d; %s labels lie in 0..%d",
                            off, label, hundred ? "CIFAR-100 " + labelSet.name().toLowerCase(java.util.Locale.ROOT) : "CIFAR-10", classes() - 1));
                }
                labels[n] = label;
                System.arraycopy(all, off + recordSize() - PIXELS, pixels, n * PIXELS, PIXELS);
            }
        }
        DataErrors.checkLabels(files.get(0), split, labels, classes());
        return new ImageSet(n, 3, SIDE, SIDE, pixels, labels);
    }

    /** The names of the metadata file, when it is there and lists exactly the classes; else 0, 1, ... */
    private List<String> classNames() {
        Path meta = dir.resolve(!hundred ? "batches.meta.txt" : labelSet == DataSpec.CifarLabels.FINE ? "fine_label_names.txt" : "coarse_label_names.txt");
        try {
            if (Files.isRegularFile(meta)) {
                List<String> names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (names.size() == classes()) return names;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // unreadable metadata: numbered classes, as without it
        }
        return DataShape.numbered(classes());
    }
}
