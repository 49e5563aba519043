package org.coex.nas.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.coex.nas.data.ImageSet;
import org.coex.nas.data.Normalization;

/**
 * Mini-batches of an image set as NCHW float arrays, normalized per channel as (x / 255 - mean) / std, with
 * optional augmentation: a random crop after zero padding by {@code cropPadding} pixels and a random
 * horizontal flip. The order of an epoch and its augmentation come from the generator given.
 */
public final class Batches {
    private final ImageSet set;
    private final int batchSize;
    private final Normalization norm;
    private final int cropPadding;
    private final boolean flip;

    public Batches(ImageSet set, int batchSize, Normalization norm, int cropPadding, boolean flip) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, found " + batchSize);
        if (norm.channels() != set.channels()) throw new IllegalArgumentException(norm.channels() + " channel statistics for " + set.channels() + " channels");
        this.set = set;
        this.batchSize = batchSize;
        this.norm = norm;
        this.cropPadding = cropPadding;
        this.flip = flip;
    }

    public int size() { return set.count(); }

    /** Index arrays of one epoch, shuffled by {@code rng} (the last batch may be smaller). */
    public List<int[]> epoch(SplittableRandom rng) {
        int[] p = set.permutation(rng.nextLong());
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < p.length; i += batchSize) out.add(java.util.Arrays.copyOfRange(p, i, Math.min(p.length, i + batchSize)));
        return out;
    }

    /** Index arrays in file order (evaluation). */
    public List<int[]> inOrder() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < set.count(); i += batchSize) {
            int[] b = new int[Math.min(batchSize, set.count() - i)];
            for (int k = 0; k < b.length; k++) b[k] = i + k;
            out.add(b);
        }
        return out;
    }

    /** Images [B, C, H, W] and labels [B]; augmented when {@code rng} is not null (one crop and flip per image, all channels alike). */
    public NDList batch(NDManager m, int[] indices, SplittableRandom rng) {
        int ch = set.channels();
        int h = set.rows();
        int w = set.cols();
        float[] x = new float[indices.length * ch * h * w];
        float[] y = new float[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int img = indices[b];
            int dy = rng == null || cropPadding == 0 ? 0 : rng.nextInt(2 * cropPadding + 1) - cropPadding;
            int dx = rng == null || cropPadding == 0 ? 0 : rng.nextInt(2 * cropPadding + 1) - cropPadding;
            boolean mirror = rng != null && flip && rng.nextBoolean();
            for (int k = 0; k < ch; k++) {
                double mean = norm.mean()[k];
                double std = norm.std()[k];
                int plane = k * h * w;
                for (int r = 0; r < h; r++) {
                    for (int c = 0; c < w; c++) {
                        int sr = r + dy;
                        int sc = (mirror ? w - 1 - c : c) + dx;
                        double v = sr < 0 || sr >= h || sc < 0 || sc >= w ? 0 : set.pixel(img, plane + sr * w + sc) / 255.0;
                        x[((b * ch + k) * h + r) * w + c] = (float) ((v - mean) / std);
                    }
                }
            }
            y[b] = set.label(img);
        }
        return new NDList(m.create(x, new Shape(indices.length, ch, h, w)), m.create(y));
    }
}
