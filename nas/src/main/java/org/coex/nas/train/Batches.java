package org.coex.nas.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.coex.nas.data.ImageSet;

/**
 * Mini-batches of an image set as NCHW float arrays, normalized as (x / 255 - mean) / std, with
 * optional augmentation: a random crop after zero padding by {@code cropPadding} pixels and a random
 * horizontal flip. The order of an epoch and its augmentation come from the generator given.
 */
public final class Batches {
    private final ImageSet set;
    private final int batchSize;
    private final double mean;
    private final double std;
    private final int cropPadding;
    private final boolean flip;

    public Batches(ImageSet set, int batchSize, double mean, double std, int cropPadding, boolean flip) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, found " + batchSize);
        this.set = set;
        this.batchSize = batchSize;
        this.mean = mean;
        this.std = std;
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

    /** Images [B, 1, H, W] and labels [B]; augmented when {@code rng} is not null. */
    public NDList batch(NDManager m, int[] indices, SplittableRandom rng) {
        int h = set.rows();
        int w = set.cols();
        float[] x = new float[indices.length * h * w];
        float[] y = new float[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int img = indices[b];
            int dy = rng == null || cropPadding == 0 ? 0 : rng.nextInt(2 * cropPadding + 1) - cropPadding;
            int dx = rng == null || cropPadding == 0 ? 0 : rng.nextInt(2 * cropPadding + 1) - cropPadding;
            boolean mirror = rng != null && flip && rng.nextBoolean();
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    int sr = r + dy;
                    int sc = (mirror ? w - 1 - c : c) + dx;
                    double v = sr < 0 || sr >= h || sc < 0 || sc >= w ? 0 : set.pixel(img, sr * w + sc) / 255.0;
                    x[(b * h + r) * w + c] = (float) ((v - mean) / std);
                }
            }
            y[b] = set.label(img);
        }
        return new NDList(m.create(x, new Shape(indices.length, 1, h, w)), m.create(y));
    }
}
