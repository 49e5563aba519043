package org.coex.nas.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Arrays saved with {@code numpy.save}: {@code x_train.npy}, {@code y_train.npy}, {@code x_test.npy},
 * {@code y_test.npy}, read with ND4J. Images: uint8, or float32 in [0, 1] (scaled by 255) or in
 * [0, 255] (the training array decides which, and the test array must agree), shaped [N, H, W] (one
 * channel) or [N, H, W, C] / [N, C, H, W] by {@code layout}, C-ordered. Labels: any integer type, [N]
 * or [N, 1].
 */
final class NpyData implements DataReader {
    private static final Set<String> IMAGE_TYPES = Set.of("|u1", "u1", "<f4", "f4");
    private static final Set<String> LABEL_TYPES = Set.of("|u1", "|i1", "u1", "i1", "<i2", "<u2", "<i4", "<u4", "<i8", "<u8");

    private final Path dir;
    private final DataSpec.Layout layout;

    NpyData(Path dir, DataSpec.Layout layout) {
        this.dir = dir;
        this.layout = layout;
    }

    static boolean looksLike(Path dir) {
        return java.nio.file.Files.isRegularFile(dir.resolve("x_train.npy"));
    }

    @Override public String what() { return ".npy arrays (" + layout.name().toLowerCase(java.util.Locale.ROOT) + ") in " + dir; }

    /** [count, channels, rows, cols] of an image array, checked. */
    private long[] imageShape(Path file) {
        NpyHeader h = NpyHeader.read(file);
        if (!IMAGE_TYPES.contains(h.descr())) throw DataErrors.at(file, "holds " + h.descr() + " values; images must be uint8 or float32 (x.astype(numpy.uint8))");
        if (h.fortranOrder()) throw DataErrors.at(file, "is Fortran-ordered; save numpy.ascontiguousarray(x)");
        long[] s = h.shape();
        if (s.length == 3) return new long[] {s[0], 1, s[1], s[2]};
        if (s.length != 4) throw DataErrors.at(file, "has shape " + h.shapeText() + "; images must be [N, H, W] or [N, H, W, C] (layout nhwc) or [N, C, H, W] (layout nchw)");
        long[] out = layout == DataSpec.Layout.NHWC ? new long[] {s[0], s[3], s[1], s[2]} : s.clone();
        if (out[1] != 1 && out[1] != 3) {
            throw DataErrors.at(file, "has shape " + h.shapeText() + ", so " + out[1] + " channels in layout " + layout.name().toLowerCase(java.util.Locale.ROOT)
                    + "; images have 1 or 3 channels (the other layout: data.layout: " + (layout == DataSpec.Layout.NHWC ? "nchw" : "nhwc") + ")");
        }
        if (out[0] < 1 || out[2] < 1 || out[3] < 1) throw DataErrors.at(file, "has shape " + h.shapeText() + "; every size must be >= 1");
        return out;
    }

    private int[] labels(Path file, long images, Path imageFile) {
        NpyHeader h = NpyHeader.read(file);
        if (!LABEL_TYPES.contains(h.descr())) throw DataErrors.at(file, "holds " + h.descr() + " values; labels must be integers (y.astype(numpy.int64))");
        long[] s = h.shape();
        if (!(s.length == 1 || (s.length == 2 && s[1] == 1))) throw DataErrors.at(file, "has shape " + h.shapeText() + "; labels must be [N] or [N, 1]");
        if (s[0] != images) {
            throw DataErrors.at(file, "holds " + s[0] + " labels but " + imageFile.getFileName() + " holds " + images + " images; use the matching pair of files");
        }
        long[] values = Nd4j.createFromNpyFile(file.toFile()).data().asLong();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 1_000_000) throw DataErrors.at(file, "label " + i + " is " + values[i] + "; labels must lie in 0..(classes - 1)");
            out[i] = (int) values[i];
        }
        return out;
    }

    @Override public DataShape probe() {
        Path xTrain = dir.resolve("x_train.npy");
        Path xTest = dir.resolve("x_test.npy");
        long[] train = imageShape(xTrain);
        long[] test = imageShape(xTest);
        if (train[1] != test[1] || train[2] != test[2] || train[3] != test[3]) {
            throw DataErrors.at(xTest, "holds images of " + test[1] + " x " + test[2] + " x " + test[3] + " but x_train.npy " + train[1] + " x " + train[2] + " x " + train[3]
                    + "; use the arrays of one data set");
        }
        if (train[0] > Integer.MAX_VALUE || test[0] > Integer.MAX_VALUE) throw DataErrors.at(xTrain, "holds more images than coex can index");
        int[] yTrain = labels(dir.resolve("y_train.npy"), train[0], xTrain);
        int[] yTest = labels(dir.resolve("y_test.npy"), test[0], xTest);
        int classes = 0;
        for (int[] ys : List.of(yTrain, yTest)) for (int y : ys) classes = Math.max(classes, y + 1);
        DataErrors.checkLabels(dir.resolve("y_train.npy"), "training", yTrain, classes);
        DataErrors.checkLabels(dir.resolve("y_test.npy"), "test", yTest, classes);
        return new DataShape(DataFormat.NPY, (int) train[1], (int) train[2], (int) train[3], (int) train[0], (int) test[0], DataShape.numbered(classes));
    }

    @Override public Dataset load(DataShape shape) {
        Path xTrain = dir.resolve("x_train.npy");
        boolean unitScale = isUnitScale(xTrain);
        return new Dataset(images(xTrain, labels(dir.resolve("y_train.npy"), shape.trainImages(), xTrain), unitScale),
                images(dir.resolve("x_test.npy"), labels(dir.resolve("y_test.npy"), shape.testImages(), dir.resolve("x_test.npy")), unitScale), shape.classNames());
    }

    /** Whether a float32 image array lies in [0, 1] (a uint8 array never does: it is taken as is). */
    private static boolean isUnitScale(Path file) {
        if (!NpyHeader.read(file).descr().endsWith("f4")) return false;
        INDArray a = Nd4j.createFromNpyFile(file.toFile());
        return a.maxNumber().doubleValue() <= 1.0;
    }

    private ImageSet images(Path file, int[] labels, boolean unitScale) {
        long[] s = imageShape(file);
        int n = (int) s[0], c = (int) s[1], h = (int) s[2], w = (int) s[3];
        if ((long) n * c * h * w > Integer.MAX_VALUE - 8) throw DataErrors.at(file, "holds more pixels than one Java array can (2^31)");
        INDArray a = Nd4j.createFromNpyFile(file.toFile());
        byte[] flat = new byte[n * c * h * w];
        if (NpyHeader.read(file).descr().endsWith("u1")) {
            flat = a.data().asBytes();
        } else {
            float[] f = a.data().asFloat();
            double scale = unitScale ? 255 : 1;
            for (int i = 0; i < f.length; i++) {
                double v = f[i] * scale;
                if (!(v >= 0 && v <= 255)) {
                    throw DataErrors.at(file, "element " + i + " is " + f[i] + "; float images must lie in " + (unitScale ? "[0, 1] like x_train.npy" : "[0, 1] or [0, 255]"));
                }
                flat[i] = (byte) Math.round(v);
            }
        }
        byte[] planes = flat;
        if (c > 1 && layout == DataSpec.Layout.NHWC) {
            planes = new byte[flat.length];
            int plane = h * w;
            for (int i = 0; i < n; i++) {
                int base = i * c * plane;
                for (int p = 0; p < plane; p++) for (int k = 0; k < c; k++) planes[base + k * plane + p] = flat[base + p * c + k];
            }
        }
        return new ImageSet(n, c, h, w, planes, labels);
    }
}
