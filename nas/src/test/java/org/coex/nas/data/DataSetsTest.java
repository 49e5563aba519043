package org.coex.nas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format coex reads, written by the test, loads to the same images; every kind of bad data is one named line. */
class DataSetsTest {
    @TempDir Path dir;

    static final List<String> TEN = DataShape.numbered(10);

    static DataSpec auto(Path p) { return DataSpec.defaults().withPath(p).withValidation(DataSpec.HoldOut.images(10)); }

    /** Fashion-MNIST's test split where Debian installs it, else random grey 28 x 28 images. */
    static ImageSet greySet() {
        if (Files.isDirectory(FashionMnist.DEBIAN_DIR)) return DataSets.load(DataSpec.defaults()).test().first(3_000);
        return DataFiles.random(600, 1, 28, 10, 3);
    }

    static void assertSame(ImageSet a, ImageSet b) {
        assertEquals(List.of(a.count(), a.channels(), a.rows(), a.cols()), List.of(b.count(), b.channels(), b.rows(), b.cols()));
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(a.labels(), b.labels());
    }

    @Test
    void pngFolderNpyAndIdxCopiesLoadToIdenticalImages() throws IOException {
        ImageSet all = greySet();
        ImageSet train = all.first(all.count() - 200);
        ImageSet test = all.subset(java.util.stream.IntStream.range(all.count() - 200, all.count()).toArray());
        DataFiles.idxSet(dir.resolve("idx"), train, test);
        DataFiles.npySet(dir.resolve("npy"), train, test);
        DataFiles.pngFolder(dir.resolve("png"), train, test, TEN);
        Dataset idx = DataSets.load(auto(dir.resolve("idx")));
        Dataset npy = DataSets.load(auto(dir.resolve("npy")));
        Dataset png = DataSets.load(auto(dir.resolve("png")));
        assertSame(train, idx.train());
        assertSame(test, idx.test());
        assertSame(idx.train(), npy.train());
        assertSame(idx.test(), npy.test());
        // the folder is read class by class, so compare it in label order (stable within a class)
        int[] order = java.util.stream.IntStream.range(0, train.count()).boxed().sorted(java.util.Comparator.comparingInt(train::label)).mapToInt(i -> i).toArray();
        assertSame(train.subset(order), png.train());
        assertEquals(TEN, png.classNames());
        assertTrue(DataSets.probe(auto(dir.resolve("png"))).line().startsWith("data: image folders in " + dir.resolve("png")));
        assertTrue(DataSets.probe(auto(dir.resolve("npy"))).line().contains(String.format("%,d", train.count()) + " training + 200 test images of 1 x 28 x 28, 10 classes"));
    }

    @Test
    void floatNpyInUnitOrByteScaleAndNhwcOrNchwAgree() throws IOException {
        ImageSet rgb = DataFiles.random(40, 3, 8, 4, 5);
        byte[] nhwc = new byte[rgb.pixels().length];
        for (int i = 0; i < rgb.count(); i++) for (int p = 0; p < 64; p++) for (int c = 0; c < 3; c++) nhwc[i * 192 + p * 3 + c] = (byte) rgb.pixel(i, c * 64 + p);
        Path a = dir.resolve("nhwc-unit");
        DataFiles.npy(a.resolve("x_train.npy"), "<f4", new long[] {40, 8, 8, 3}, DataFiles.float32(nhwc, 255));
        DataFiles.npy(a.resolve("x_test.npy"), "<f4", new long[] {40, 8, 8, 3}, DataFiles.float32(nhwc, 255));
        Path b = dir.resolve("nchw-bytes");
        DataFiles.npy(b.resolve("x_train.npy"), "<f4", new long[] {40, 3, 8, 8}, DataFiles.float32(rgb.pixels(), 1));
        DataFiles.npy(b.resolve("x_test.npy"), "|u1", new long[] {40, 3, 8, 8}, rgb.pixels());
        for (Path p : List.of(a, b)) {
            DataFiles.npy(p.resolve("y_train.npy"), "<i8", new long[] {40}, DataFiles.int64(rgb.labels()));
            DataFiles.npy(p.resolve("y_test.npy"), "|u1", new long[] {40, 1}, toBytes(rgb.labels()));
        }
        assertSame(rgb, DataSets.load(auto(a)).train());
        assertSame(rgb, DataSets.load(auto(a)).test());
        DataSpec nchw = new DataSpec(DataFormat.NPY, b, null, DataSpec.HoldOut.images(10), DataSpec.CifarLabels.FINE, DataSpec.Layout.NCHW, 0);
        assertSame(rgb, DataSets.load(nchw).train());
        assertSame(rgb, DataSets.load(nchw).test());
    }

    static byte[] toBytes(int[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    @Test
    void cifarTenAndHundredLoadWithTheirLabelsAndShape() throws IOException {
        ImageSet a = DataFiles.random(30, 3, 32, 10, 1);
        ImageSet b = DataFiles.random(20, 3, 32, 10, 2);
        ImageSet t = DataFiles.random(10, 3, 32, 10, 3);
        Path ten = dir.resolve("c10/cifar-10-batches-bin");
        Files.createDirectories(ten);
        Files.write(ten.resolve("data_batch_1.bin"), DataFiles.cifar10(a));
        Files.write(ten.resolve("data_batch_2.bin"), DataFiles.cifar10(b));
        Files.write(ten.resolve("test_batch.bin"), DataFiles.cifar10(t));
        Files.writeString(ten.resolve("batches.meta.txt"), "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
        DataSets.Found found = DataSets.probe(auto(dir.resolve("c10")));
        assertEquals("data: CIFAR-10 binary batches in " + ten + ": 50 training + 10 test images of 3 x 32 x 32, 10 classes", found.line());
        Dataset d = DataSets.load(auto(dir.resolve("c10")));
        assertArrayEquals(java.util.stream.IntStream.concat(java.util.Arrays.stream(a.labels()), java.util.Arrays.stream(b.labels())).toArray(), d.train().labels());
        assertArrayEquals(java.util.Arrays.copyOfRange(d.train().pixels(), 30 * 3072, 50 * 3072), b.pixels());
        assertSame(t, d.test());
        assertEquals("cat", d.classNames().get(3));

        ImageSet h = DataFiles.random(200, 3, 32, 100, 4);
        Path hundred = dir.resolve("c100");
        Files.createDirectories(hundred);
        Files.write(hundred.resolve("train.bin"), DataFiles.cifar100(h));
        Files.write(hundred.resolve("test.bin"), DataFiles.cifar100(h.first(50)));
        Dataset fine = DataSets.load(auto(hundred));
        assertEquals(100, fine.classNames().size());
        assertSame(h, fine.train());
        DataSpec coarseSpec = new DataSpec(DataFormat.CIFAR, hundred, null, DataSpec.HoldOut.images(10), DataSpec.CifarLabels.COARSE, DataSpec.Layout.NHWC, 0);
        Dataset coarse = DataSets.load(coarseSpec);
        assertEquals(20, coarse.classNames().size());
        for (int i = 0; i < 200; i++) assertEquals(h.label(i) / 5, coarse.train().label(i));
    }

    @Test
    void foldersOfMixedSizesLoadWhenResizedAndRgbTurnsGreyByLuma() throws IOException {
        ImageSet rgb = DataFiles.random(12, 3, 10, 3, 9);
        DataFiles.pngFolder(dir.resolve("f"), rgb, rgb.first(6), List.of("a", "b", "c"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(7, 5, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                dir.resolve("f/train/a/odd.png").toFile());
        SpecException e = assertThrows(SpecException.class, () -> DataSets.load(auto(dir.resolve("f"))));
        assertEquals(dir.resolve("f/train/a/odd.png") + ": is 5 x 7 but the first training image is 10 x 10; give data.resize: [h, w] to resample every image",
                e.getMessage());
        DataSpec resized = new DataSpec(DataFormat.AUTO, dir.resolve("f"), new DataSpec.Size(8, 8), DataSpec.HoldOut.images(2), DataSpec.CifarLabels.FINE, DataSpec.Layout.NHWC, 1);
        Dataset d = DataSets.load(resized);
        assertEquals(List.of(13, 1, 8, 8), List.of(d.train().count(), d.train().channels(), d.train().rows(), d.train().cols()));
        assertEquals(List.of("a", "b", "c"), d.classNames());
    }

    @Test
    void bilinearResamplingMatchesHalfPixelCentres() {
        byte[] twoByTwo = {0, 100, (byte) 200, (byte) 255};
        byte[] up = Resampling.bilinear(twoByTwo, 1, 2, 2, 4, 4);
        // output (0,1) samples x = (1.5)*0.5-0.5 = 0.25 on row 0: 0.75*0 + 0.25*100 = 25
        assertEquals(25, up[1] & 0xff);
        assertEquals(0, up[0] & 0xff);
        assertEquals(255, up[15] & 0xff);
        assertArrayEquals(twoByTwo, Resampling.bilinear(twoByTwo, 1, 2, 2, 2, 2));
    }

    @Test
    void aSampleOfAClassOrderedSetHoldsEveryClassInFileOrder() {
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) labels[i] = i / 10;   // as a folder lists them: class by class
        ImageSet s = ImageSet.grey(100, 1, 1, new byte[100], labels);
        ImageSet a = s.sample(30, 7);
        assertEquals(30, a.count());
        assertEquals(10, java.util.Arrays.stream(a.labels()).distinct().count());
        assertArrayEquals(a.labels(), java.util.Arrays.stream(a.labels()).sorted().toArray());
        assertArrayEquals(a.labels(), s.sample(30, 7).labels());
        assertTrue(s.sample(0, 7) == s && s.sample(100, 7) == s);
    }

    // ---- bad data: one line naming the file, nothing loaded ----

    String error(DataSpec spec) {
        SpecException e = assertThrows(SpecException.class, () -> DataSets.load(spec));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.getMessage();
    }

    @Test
    void imageAndLabelCountsThatDifferAreNamed() throws IOException {
        ImageSet s = DataFiles.random(30, 1, 6, 3, 1);
        DataFiles.npySet(dir, s, s);
        DataFiles.npy(dir.resolve("y_test.npy"), "<i8", new long[] {29}, DataFiles.int64(s.first(29).labels()));
        assertEquals(dir.resolve("y_test.npy") + ": holds 29 labels but x_test.npy holds 30 images; use the matching pair of files", error(auto(dir)));
    }

    @Test
    void truncatedFilesAreNamedWithTheByteOffset() throws IOException {
        ImageSet s = DataFiles.random(30, 1, 6, 3, 1);
        DataFiles.npySet(dir.resolve("n"), s, s);
        byte[] x = Files.readAllBytes(dir.resolve("n/x_train.npy"));
        Files.write(dir.resolve("n/x_train.npy"), java.util.Arrays.copyOf(x, x.length - 7));
        assertEquals(dir.resolve("n/x_train.npy") + ": is truncated: its header announces 1,080 bytes of data, the file ends at byte offset "
                + String.format("%,d", x.length - 7) + " (expected " + String.format("%,d", x.length) + ")", error(auto(dir.resolve("n"))));

        Path c = dir.resolve("c");
        Files.createDirectories(c);
        Files.write(c.resolve("data_batch_1.bin"), java.util.Arrays.copyOf(DataFiles.cifar10(DataFiles.random(3, 3, 32, 2, 1)), 3 * 3073 - 100));
        Files.write(c.resolve("test_batch.bin"), DataFiles.cifar10(DataFiles.random(3, 3, 32, 2, 1)));
        assertEquals(c.resolve("data_batch_1.bin") + ": is truncated or not a CIFAR-10 file: 9,119 bytes is not a whole number of 3,073-byte records"
                + " (the last whole record ends at byte offset 6,146)", error(auto(c)));

        ImageSet g = DataFiles.random(20, 1, 6, 2, 1);
        DataFiles.pngFolder(dir.resolve("p"), g, g, List.of("x", "y"));
        Path bad = dir.resolve("p/test/y/00001.png");
        byte[] png = Files.readAllBytes(bad);
        Files.write(bad, java.util.Arrays.copyOf(png, 20));
        String m = error(auto(dir.resolve("p")));
        assertTrue(m.startsWith(bad + ": "), m);
    }

    @Test
    void labelsOutOfRangeAndSingleClassSplitsAreRefused() throws IOException {
        ImageSet s = DataFiles.random(20, 3, 32, 2, 1);
        byte[] records = DataFiles.cifar10(s);
        records[3 * 3073] = 12;
        Files.write(dir.resolve("data_batch_1.bin"), records);
        Files.write(dir.resolve("test_batch.bin"), DataFiles.cifar10(s));
        assertEquals(dir.resolve("data_batch_1.bin") + ": the record at byte offset 9,219 has label 12; CIFAR-10 labels lie in 0..9", error(auto(dir)));

        ImageSet one = DataFiles.random(20, 1, 6, 1, 1);
        DataFiles.npySet(dir.resolve("one"), one, DataFiles.random(20, 1, 6, 2, 1));
        assertEquals(dir.resolve("one/y_train.npy") + ": every label of the training split is 0; a split needs at least two classes", error(auto(dir.resolve("one"))));

        ImageSet neg = DataFiles.random(20, 1, 6, 2, 1);
        DataFiles.npySet(dir.resolve("neg"), neg, neg);
        int[] labels = neg.labels().clone();
        labels[5] = -1;
        DataFiles.npy(dir.resolve("neg/y_train.npy"), "<i8", new long[] {20}, DataFiles.int64(labels));
        assertEquals(dir.resolve("neg/y_train.npy") + ": label 5 is -1; labels must lie in 0..(classes - 1)", error(auto(dir.resolve("neg"))));
    }

    @Test
    void emptyAndUnknownFoldersSayWhatTheyLack() throws IOException {
        ImageSet g = DataFiles.random(4, 1, 6, 2, 1);
        DataFiles.pngFolder(dir.resolve("e"), g, g, List.of("a", "b"));
        for (Path p : Files.list(dir.resolve("e/test/a")).toList()) Files.delete(p);
        assertEquals(dir.resolve("e/test/a") + ": holds no .png/.jpg/.jpeg/.bmp images; fill it or remove it", error(auto(dir.resolve("e"))));
        Files.createDirectories(dir.resolve("nothing"));
        assertTrue(error(auto(dir.resolve("nothing"))).startsWith(dir.resolve("nothing") + ": holds no data coex knows: x_train.npy (npy)"));
        assertEquals(dir.resolve("missing") + ": folder not found; check the data path", error(auto(dir.resolve("missing"))));
    }

    @Test
    void aSetLargerThanAQuarterOfTheHeapIsRefusedBeforeLoading() {
        DataShape huge = new DataShape(DataFormat.NPY, 3, 4096, 4096, 60_000, 10_000, TEN);
        assertTrue(huge.bytes() > Runtime.getRuntime().maxMemory() * DataSets.HEAP_SHARE);
    }
}
