package org.coex.nas.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Images in class folders, as torchvision's ImageFolder reads them: {@code train/<class>/*.png}
 * (also jpg, jpeg, bmp; other files are ignored) and {@code test/<class>/...}. Class index = position
 * of the folder name among the training folders in sorted order; a test class must be one of them.
 * Decoded in parallel with the JDK's ImageIO. The set has the channels of its first training image
 * (grey: one band; else RGB, alpha dropped) unless {@code channels} is given; an image of the other
 * kind is converted (grey copied to R, G and B; RGB to grey by ITU-R 601 luma, L = (299 R + 587 G +
 * 114 B) / 1000, as PIL's convert("L")). Every image must have the size of the first unless a resize is given.
 */
final class ImageFolderData implements DataReader {
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp");

    private final Path dir;
    private final DataSpec.Size resize;
    private final int channels;

    /**
     * @param resize   the size every image is resampled to, or null: then all must share one size
     * @param channels 1 or 3, or 0 for the first training image's
     */
    ImageFolderData(Path dir, DataSpec.Size resize, int channels) {
        this.dir = dir;
        this.resize = resize;
        this.channels = channels;
    }

    static boolean looksLike(Path dir) {
        return Files.isDirectory(dir.resolve("train"));
    }

    @Override public String what() { return "image folders in " + dir; }

    /** One image file and its class. */
    private record Entry(Path file, int label) {}

    /** One decoded image: channels planes of rows x cols bytes. */
    private record Decoded(int channels, int rows, int cols, byte[] planes) {}

    @Override public DataShape probe() {
        List<String> classes = classFolders(dir.resolve("train"));
        List<Entry> train = entries("train", classes);
        List<Entry> test = entries("test", classes);
        Decoded first = decode(train.get(0).file());
        DataSpec.Size size = resize != null ? resize : new DataSpec.Size(first.rows(), first.cols());
        return new DataShape(DataFormat.FOLDER, channels > 0 ? channels : first.channels(), size.rows(), size.cols(), train.size(), test.size(), classes);
    }

    @Override public Dataset load(DataShape probed) {
        List<String> classes = probed.classNames();
        List<Entry> train = entries("train", classes);
        List<Entry> test = entries("test", classes);
        List<Decoded> trainImages = decodeAll(train);
        List<Decoded> testImages = decodeAll(test);
        int c = channels > 0 ? channels : trainImages.get(0).channels();
        DataSpec.Size size = resize != null ? resize : new DataSpec.Size(trainImages.get(0).rows(), trainImages.get(0).cols());
        return new Dataset(assemble(train, trainImages, c, size), assemble(test, testImages, c, size), classes);
    }

    /** The sorted names of the class folders under {@code train}. */
    private static List<String> classFolders(Path train) {
        if (!Files.isDirectory(train)) throw DataErrors.at(train, "folder not found; images belong in train/<class>/ and test/<class>/");
        try (Stream<Path> s = Files.list(train)) {
            List<String> names = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            if (names.size() < 2) {
                throw DataErrors.at(train, "holds " + names.size() + " class folder" + (names.size() == 1 ? "" : "s") + "; a classifier needs at least two (train/<class>/image.png)");
            }
            return names;
        } catch (IOException e) {
            throw DataErrors.at(train, "cannot list: " + e.getMessage());
        }
    }

    /** The images of one split, class by class in sorted file order. */
    private List<Entry> entries(String split, List<String> classes) {
        Path root = dir.resolve(split);
        if (!Files.isDirectory(root)) throw DataErrors.at(root, "folder not found; images belong in train/<class>/ and test/<class>/");
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                int label = classes.indexOf(folder.getFileName().toString());
                if (label < 0) {
                    throw DataErrors.at(folder, "is a " + split + " class with no training folder; the training classes are " + String.join(", ", classes));
                }
                List<Path> images;
                try (Stream<Path> files = Files.list(folder)) {
                    images = files.filter(Files::isRegularFile).filter(ImageFolderData::isImage).sorted().toList();
                }
                if (images.isEmpty()) throw DataErrors.at(folder, "holds no " + String.join("/", EXTENSIONS) + " images; fill it or remove it");
                for (Path p : images) out.add(new Entry(p, label));
            }
        } catch (IOException e) {
            throw DataErrors.at(root, "cannot list: " + e.getMessage());
        }
        if (out.isEmpty()) throw DataErrors.at(root, "holds no class folders with images (" + split + "/<class>/image.png)");
        return out;
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Every image decoded, in parallel, and resampled at once when a resize is given (so full-size pixels are never all held). */
    private List<Decoded> decodeAll(List<Entry> entries) {
        return IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
            Decoded d = decode(entries.get(i).file());
            if (resize == null) return d;
            return new Decoded(d.channels(), resize.rows(), resize.cols(), Resampling.bilinear(d.planes(), d.channels(), d.rows(), d.cols(), resize.rows(), resize.cols()));
        }).toList();
    }

    /** Grey (one band, 8 or 16 bits: the top byte) or RGB planes of one image file. */
    static Decoded decode(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw DataErrors.at(file, "cannot decode the image (" + e.getMessage() + "); replace or remove the file");
        }
        if (img == null) throw DataErrors.at(file, "is not an image ImageIO can read (png, jpg, bmp); replace or remove the file");
        int h = img.getHeight();
        int w = img.getWidth();
        boolean grey = img.getColorModel().getNumColorComponents() == 1 && img.getRaster().getNumBands() <= 2;
        if (grey) {
            Raster r = img.getRaster();
            int shift = r.getSampleModel().getSampleSize(0) > 8 ? r.getSampleModel().getSampleSize(0) - 8 : 0;
            byte[] px = new byte[h * w];
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = (byte) (r.getSample(x, y, 0) >> shift);
            return new Decoded(1, h, w, px);
        }
        byte[] px = new byte[3 * h * w];
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            px[i] = (byte) (argb[i] >> 16);
            px[h * w + i] = (byte) (argb[i] >> 8);
            px[2 * h * w + i] = (byte) argb[i];
        }
        return new Decoded(3, h, w, px);
    }

    /** The decoded (and resampled) images as one set of {@code channels} planes of {@code size}. */
    private ImageSet assemble(List<Entry> entries, List<Decoded> images, int channels, DataSpec.Size size) {
        int per = channels * size.rows() * size.cols();
        byte[] pixels = new byte[entries.size() * per];
        int[] labels = new int[entries.size()];
        IntStream.range(0, entries.size()).parallel().forEach(i -> {
            Decoded d = images.get(i);
            if (resize == null && (d.rows() != size.rows() || d.cols() != size.cols())) {
                throw DataErrors.at(entries.get(i).file(), "is " + d.rows() + " x " + d.cols() + " but the first training image is " + size
                        + "; give data.resize: [h, w] to resample every image");
            }
            byte[] planes = d.planes();
            int plane = size.rows() * size.cols();
            if (channels == 1 && d.channels() == 3) {
                for (int j = 0; j < plane; j++) {
                    int luma = (299 * (planes[j] & 0xff) + 587 * (planes[plane + j] & 0xff) + 114 * (planes[2 * plane + j] & 0xff)) / 1000;
                    pixels[i * per + j] = (byte) luma;
                }
            } else {
                for (int c = 0; c < channels; c++) System.arraycopy(planes, Math.min(c, d.channels() - 1) * plane, pixels, i * per + c * plane, plane);
            }
            labels[i] = entries.get(i).label();
        });
        return new ImageSet(entries.size(), channels, size.rows(), size.cols(), pixels, labels);
    }
}
