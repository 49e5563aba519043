package org.coex.nas.data;

import java.util.SplittableRandom;

/** A tiny synthetic image set for tests and smoke runs: 4 classes, a bright 3x3 square in one corner of an 8x8 image, plus noise. */
public final class SyntheticImages {
    private SyntheticImages() {}

    /** Image i has class i mod 4; the noise comes from {@code seed}. */
    public static ImageSet corners(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * 64];
        int[] lb = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 4;
            lb[i] = c;
            for (int r = 0; r < 8; r++) {
                for (int col = 0; col < 8; col++) {
                    boolean on = (c / 2 == 0 ? r < 3 : r >= 5) && (c % 2 == 0 ? col < 3 : col >= 5);
                    px[i * 64 + r * 8 + col] = (byte) Math.min(255, (on ? 200 : 20) + rng.nextInt(40));
                }
            }
        }
        return ImageSet.grey(n, 8, 8, px, lb);
    }
}
