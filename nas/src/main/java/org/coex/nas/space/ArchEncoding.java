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
    public int blockOffset(int block) { return starts()[block]; }

    /** Where every block starts, then the vector's length. */
    private int[] starts() {
        List<Integer> sizes = blocks();
        int[] out = new int[sizes.size() + 1];
        for (int b = 0; b < sizes.size(); b++) out[b + 1] = out[b] + sizes.get(b);
        return out;
    }

    /** Entries in the vector. */
    public int length() {
        int[] st = starts();
        return st[st.length - 1];
    }

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
        int[] st = starts();
        double[] p = new double[st[st.length - 1]];
        for (int b = 0; b + 1 < st.length; b++) Arrays.fill(p, st[b], st[b + 1], 1.0 / (st[b + 1] - st[b]));
        return p;
    }

    /** The one-hot vector of an architecture. */
    public double[] oneHot(Architecture a) {
        if (a.choices().size() != layers()) throw new IllegalArgumentException("architecture has " + a.choices().size() + " layers, encoding " + layers());
        int[] st = starts();
        double[] v = new double[st[st.length - 1]];
        for (int i = 0; i < layers(); i++) v[st[i] + a.choices().get(i)] = 1;
        for (int s = 0; s < widthsPerStage.size(); s++) if (widthBlock(s) >= 0) v[st[widthBlock(s)] + a.width(s)] = 1;
        return v;
    }

    /** The argmax of each block (ties: the first): the derived architecture. */
    public Architecture argmax(double[] probabilities) {
        int[] st = starts();
        if (probabilities.length != st[st.length - 1]) throw new IllegalArgumentException("vector has " + probabilities.length + " entries, expected " + st[st.length - 1]);
        List<Integer> choice = new ArrayList<>();
        for (int i = 0; i < layers(); i++) choice.add(argmax(probabilities, st[i], candidatesPerLayer.get(i)));
        if (!searchesWidth()) return new Architecture(choice);
        List<Integer> widths = new ArrayList<>();
        for (int s = 0; s < widthsPerStage.size(); s++) widths.add(widthBlock(s) < 0 ? 0 : argmax(probabilities, st[widthBlock(s)], widthsPerStage.get(s)));
        return new Architecture(choice, widths);
    }

    private static int argmax(double[] p, int from, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) if (p[from + j] > p[from + best]) best = j;
        return best;
    }
}
