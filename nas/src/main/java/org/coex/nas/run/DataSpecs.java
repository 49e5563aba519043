package org.coex.nas.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.coex.accel.spec.SpecNode;
import org.coex.nas.data.DataFormat;
import org.coex.nas.data.DataSpec;

/**
 * Reads the {@code data} block of nas and co-exploration specs (docs/nas.md, "Data"):
 * {@code format}, {@code path}, {@code resize: [h, w]}, {@code validation} (a count, or a fraction
 * of the training split), {@code labels} (CIFAR-100: fine or coarse), {@code layout} (.npy: nhwc or
 * nchw), {@code channels} (image folders: 1 or 3). Problems go to the node's collector.
 */
public final class DataSpecs {
    static final List<String> KEYS = List.of("format", "path", "resize", "validation", "labels", "layout", "channels");

    private DataSpecs() {}

    /** The block at {@code node} (absent: the defaults), paths relative to {@code base}. */
    public static DataSpec read(SpecNode node, Path base) {
        DataSpec d = DataSpec.defaults();
        if (node.isMissing() || !node.expectObject()) return d;
        node.allowOnly(KEYS);
        String formatName = node.string("format", "auto");
        DataFormat format = DataFormat.parse(formatName).orElse(DataFormat.AUTO);
        if (DataFormat.parse(formatName).isEmpty()) node.problem("format", "unknown format \"" + formatName + "\"; use auto, idx, cifar, folder or npy");
        Path path = node.has("path") ? base.resolve(node.string("path", ".")).normalize() : null;
        if (!node.has("path") && format != DataFormat.AUTO && format != DataFormat.IDX) node.problem("format", format.key() + " data needs a 'path' to its folder");
        DataSpec.Size resize = resize(node.child("resize"));
        DataSpec.HoldOut validation = validation(node, d.validation());
        String labels = node.string("labels", "fine").toLowerCase(Locale.ROOT);
        if (!labels.equals("fine") && !labels.equals("coarse")) node.problem("labels", "must be fine or coarse (CIFAR-100's label sets; found \"" + labels + "\")");
        String layout = node.string("layout", "nhwc").toLowerCase(Locale.ROOT);
        if (!layout.equals("nhwc") && !layout.equals("nchw")) node.problem("layout", "must be nhwc or nchw (the axis order of .npy images; found \"" + layout + "\")");
        int channels = node.integer("channels", 0);
        if (node.has("channels") && channels != 1 && channels != 3) node.problem("channels", "must be 1 (grey) or 3 (RGB); found " + node.child("channels").describe());
        return new DataSpec(format, path, resize, validation, labels.equals("coarse") ? DataSpec.CifarLabels.COARSE : DataSpec.CifarLabels.FINE,
                layout.equals("nchw") ? DataSpec.Layout.NCHW : DataSpec.Layout.NHWC, channels == 1 || channels == 3 ? channels : 0);
    }

    /** {@code validation: N} (images) or {@code validation: 0.1} (share of the training split); fallback after a problem. */
    static DataSpec.HoldOut validation(SpecNode node, DataSpec.HoldOut fallback) {
        if (!node.has("validation")) return fallback;
        SpecNode v = node.child("validation");
        double x = v.asNumber(-1);
        if (x >= 1 && x == Math.rint(x) && x <= Integer.MAX_VALUE) return DataSpec.HoldOut.images((int) x);
        if (x > 0 && x < 1) return DataSpec.HoldOut.share(x);
        if (x != -1) v.problem("must be a whole number of images >= 1 or a fraction in (0, 1) of the training split (found " + v.describe() + ")");
        return fallback;
    }

    private static DataSpec.Size resize(SpecNode node) {
        if (node.isMissing()) return null;
        List<SpecNode> sizes = node.elements();
        if (sizes.size() == 1 && !node.isList()) sizes = List.of(node, node);
        if (sizes.size() != 2) {
            node.problem("must be [height, width] in pixels (found " + node.describe() + ")");
            return null;
        }
        int h = sizes.get(0).asInt(-1);
        int w = sizes.get(1).asInt(-1);
        if (h == -1 || w == -1) return null;
        if (h < 1 || w < 1 || h > 4096 || w > 4096) {
            node.problem("sizes must lie in 1..4096 pixels (found " + h + " x " + w + ")");
            return null;
        }
        return new DataSpec.Size(h, w);
    }
}
