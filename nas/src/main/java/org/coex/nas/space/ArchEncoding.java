package org.coex.nas.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed layout of an architecture as a vector of blocks, each a categorical choice: first one
 * block per searchable layer (one entry per candidate op), then one block per stage whose width is
 * searched (one entry per width). An entry holds its probability, or 1 for the choice made. This is
 * the contract between the search and the evaluator; {@code fingerprint} names the space it was made
 * for. A space without width choices has only the op blocks.
 *
 * @param widthsPerStage every stage's number of widths (1: fixed, no block)
 */
public record ArchEncoding(List<Integer> candidatesPerLayer, List<Integer> widthsPerStage, String fingerprint) {
    public ArchEncoding {
        candidatesPerLayer = List.copyOf(candidatesPerLayer);
        widthsPerStage = List.copyOf(widthsPerStage);
    }

    /** An encoding of op choices only. */
    public ArchEncoding(List<Integer> candidatesPerLayer, String fingerprint) {
        this(candidatesPerLayer, List.of(), fingerprint);
    }

    public int layers() { return candidatesPerLayer.size(); }

    /** Whether some stage's width is searched. */
    public boolean searchesWidth() { return widthsPerStage.stream().anyMatch(w -> w > 1); }

    /** The size of every block, op blocks first, then the searched stages' width blocks. */
    public List<Integer> blocks() {
        List<Integer> out = new ArrayList<>(candidatesPerLayer);
        for (int w : widthsPerStage) if (w > 1) out.add(w);
        return out;
    }

    /** Where block b starts. */
    public int blockOffset(int block) {
        List<Integer> sizes = blocks();
        int o = 0;
        for (int i = 0; i < block; i++) o += sizes.get(i);
        return o;
    }

    /** Entries in the vector. */
    public int length() { return blocks().stream().mapToInt(Integer::intValue).sum(); }

    /** Where layer i's op block starts. */
    public int offset(int layer) { return blockOffset(layer); }

    /** The block of stage s's width, or -1 when that width is fixed. */
    public int widthBlock(int stage) {
        if (stage < 0 || stage >= widthsPerStage.size() || widthsPerStage.get(stage) == 1) return -1;
        int b = layers();
        for (int s = 0; s < stage; s++) if (widthsPerStage.get(s) > 1) b++;
        return b;
    }

    /** Where stage s's width block starts, or -1 when that width is fixed. */
    public int widthOffset(int stage) {
        int b = widthBlock(stage);
        return b < 0 ? -1 : blockOffset(b);
    }

    /** Every block's choices equally likely: the probabilities of an all-zero alpha. */
    public double[] uniform() {
        double[] p = new double[length()];
        List<Integer> sizes = blocks();
        for (int b = 0; b < sizes.size(); b++) Arrays.fill(p, blockOffset(b), blockOffset(b) + sizes.get(b), 1.0 / sizes.get(b));
        return p;
    }

    /** The one-hot vector of an architecture. */
    public double[] oneHot(Architecture a) {
        if (a.choices().size() != layers()) throw new IllegalArgumentException("architecture has " + a.choices().size() + " layers, encoding " + layers());
        double[] v = new double[length()];
        for (int i = 0; i < layers(); i++) v[offset(i) + a.choices().get(i)] = 1;
        for (int s = 0; s < widthsPerStage.size(); s++) if (widthOffset(s) >= 0) v[widthOffset(s) + a.width(s)] = 1;
        return v;
    }

    /** The argmax of each block (ties: the first): the derived architecture. */
    public Architecture argmax(double[] probabilities) {
        if (probabilities.length != length()) throw new IllegalArgumentException("vector has " + probabilities.length + " entries, expected " + length());
        List<Integer> choice = new ArrayList<>();
        for (int i = 0; i < layers(); i++) choice.add(argmax(probabilities, offset(i), candidatesPerLayer.get(i)));
        if (!searchesWidth()) return new Architecture(choice);
        List<Integer> widths = new ArrayList<>();
        for (int s = 0; s < widthsPerStage.size(); s++) widths.add(widthOffset(s) < 0 ? 0 : argmax(probabilities, widthOffset(s), widthsPerStage.get(s)));
        return new Architecture(choice, widths);
    }

    private static int argmax(double[] p, int from, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) if (p[from + j] > p[from + best]) best = j;
        return best;
    }
}
