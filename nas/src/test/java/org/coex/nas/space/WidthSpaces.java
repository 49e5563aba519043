package org.coex.nas.space;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small spaces that search widths, and random architectures of any space. */
public final class WidthSpaces {
    private WidthSpaces() {}

    /**
     * 1 x 8 x 8 input, 4-channel stem; stage 0 chooses 4 or 8 channels (2 layers, stride 2), stage 1
     * 8, 12 or 16 (2 layers, stride 2), stage 2 is fixed at 16 (1 layer, stride 1: no skip, its input
     * width varies); kernels 3 and 5, expansions 1 and 3, skip.
     */
    public static final SearchSpace TINY = new SearchSpace("tiny-widths", 1, 8, 4, 3, 1,
            List.of(new Stage(List.of(4, 8), 2, 2), new Stage(List.of(8, 12, 16), 2, 2), new Stage(16, 1, 1)),
            List.of(3, 5), List.of(1, 3), true, 24, 10);

    /** An architecture drawn uniformly: every op and every searched width. */
    public static Architecture random(SearchSpace space, SplittableRandom rng) {
        List<Integer> ops = new ArrayList<>();
        for (SearchableLayer l : space.layers()) ops.add(rng.nextInt(l.candidates().size()));
        if (!space.searchesWidth()) return new Architecture(ops);
        List<Integer> widths = new ArrayList<>();
        for (Stage s : space.stages()) widths.add(rng.nextInt(s.widths().size()));
        return new Architecture(ops, widths);
    }

    /** Every architecture of a small space. */
    public static List<Architecture> all(SearchSpace space) {
        List<Integer> sizes = new ArrayList<>();
        for (SearchableLayer l : space.layers()) sizes.add(l.candidates().size());
        int layers = sizes.size();
        if (space.searchesWidth()) for (Stage s : space.stages()) sizes.add(s.widths().size());
        List<Architecture> out = new ArrayList<>();
        int[] idx = new int[sizes.size()];
        while (true) {
            List<Integer> ops = new ArrayList<>();
            for (int i = 0; i < layers; i++) ops.add(idx[i]);
            List<Integer> widths = new ArrayList<>();
            for (int i = layers; i < idx.length; i++) widths.add(idx[i]);
            out.add(new Architecture(ops, widths));
            int d = 0;
            while (d < idx.length && ++idx[d] == sizes.get(d)) idx[d++] = 0;
            if (d == idx.length) return out;
        }
    }
}
