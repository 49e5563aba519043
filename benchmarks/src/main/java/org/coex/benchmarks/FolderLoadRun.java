package org.coex.benchmarks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.coex.nas.data.DataSets;
import org.coex.nas.data.DataSpec;
import org.coex.nas.data.Dataset;
import org.coex.nas.data.ImageSet;

/**
 * Experiment driver for issue 20's loading target (60,000 PNG images of 28 x 28 from a folder in
 * under 30 s on 2 cores): writes Fashion-MNIST's training and test splits as {@code train/<class>/}
 * and {@code test/<class>/} PNG folders (once, into the folder given), then times three cold loads
 * through {@link DataSets#load} and checks the pixels against the IDX originals.
 * {@code java -cp benchmarks/target/benchmarks.jar org.coex.benchmarks.FolderLoadRun /tmp/fmnist-png}
 */
public final class FolderLoadRun {
    private FolderLoadRun() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/fmnist-png");
        Dataset idx = DataSets.load(DataSpec.defaults());
        if (!Files.isDirectory(dir.resolve("train"))) {
            long t = System.nanoTime();
            write(dir.resolve("train"), idx.train());
            write(dir.resolve("test"), idx.test());
            System.out.printf("wrote %,d PNG files in %.1f s%n", idx.train().count() + idx.test().count(), (System.nanoTime() - t) / 1e9);
        }
        for (int run = 1; run <= 3; run++) {
            DataSpec spec = DataSpec.defaults().withPath(dir).withValidation(DataSpec.HoldOut.images(run));   // another spec each time: no cache
            long t = System.nanoTime();
            Dataset png = DataSets.load(spec);
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("load %d: %,d + %,d images in %.1f s (%d cores)%n", run, png.train().count(), png.test().count(), seconds,
                    Runtime.getRuntime().availableProcessors());
            if (run == 1) System.out.println("same pixels per class as the IDX files: " + sameAsIdx(idx.train(), png.train()));
        }
    }

    /** The folder lists images class by class in file-name order, which is the IDX order within a class. */
    private static boolean sameAsIdx(ImageSet idx, ImageSet png) {
        int[] order = IntStream.range(0, idx.count()).boxed().sorted((a, b) -> Integer.compare(idx.label(a), idx.label(b))).mapToInt(i -> i).toArray();
        ImageSet sorted = idx.subset(order);
        return Arrays.equals(sorted.pixels(), png.pixels()) && Arrays.equals(sorted.labels(), png.labels());
    }

    private static void write(Path split, ImageSet s) {
        IntStream.range(0, s.count()).parallel().forEach(i -> {
            Path f = split.resolve(Integer.toString(s.label(i))).resolve(String.format("%05d.png", i));
            BufferedImage img = new BufferedImage(s.cols(), s.rows(), BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, s.cols(), s.rows(), Arrays.copyOfRange(s.pixels(), i * s.imageSize(), (i + 1) * s.imageSize()));
            try {
                Files.createDirectories(f.getParent());
                ImageIO.write(img, "png", f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
