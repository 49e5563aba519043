package org.coex.nas.space;

import java.util.List;

/**
 * The fixed layout of an architecture as a vector: layer after layer, one entry per candidate op of
 * that layer (its probability, or 1 for the chosen op). This is the contract between the search and
 * the evaluator; {@code fingerprint} names the space it was made for.
 */
public record ArchEncoding(List<Integer> candidatesPerLayer, String fingerprint) {
    public ArchEncoding {
        candidatesPerLayer = List.copyOf(candidatesPerLayer);
    }

    public int layers() { return candidatesPerLayer.size(); }

    /** Entries in the vector. */
    public int length() { return candidatesPerLayer.stream().mapToInt(Integer::intValue).sum(); }

    /** Where layer i's block starts. */
    public int offset(int layer) {
        int o = 0;
        for (int i = 0; i < layer; i++) o += candidatesPerLayer.get(i);
        return o;
    }

    /** The one-hot vector of an architecture. */
    /** Every layer's candidates equally likely: the probabilities of an all-zero alpha. */
    public double[] uniform() {
        double[] p = new double[length()];
        for (int i = 0; i < layers(); i++) java.util.Arrays.fill(p, offset(i), offset(i) + candidatesPerLayer.get(i), 1.0 / candidatesPerLayer.get(i));
        return p;
    }

    public double[] oneHot(Architecture a) {
        if (a.choices().size() != layers()) throw new IllegalArgumentException("architecture has " + a.choices().size() + " layers, encoding " + layers());
        double[] v = new double[length()];
        for (int i = 0; i < layers(); i++) v[offset(i) + a.choices().get(i)] = 1;
        return v;
    }

    /** The argmax of each layer's block (ties: the first): the derived architecture. */
    public Architecture argmax(double[] probabilities) {
        if (probabilities.length != length()) throw new IllegalArgumentException("vector has " + probabilities.length + " entries, expected " + length());
        Integer[] choice = new Integer[layers()];
        for (int i = 0; i < layers(); i++) {
            int best = 0;
            for (int j = 1; j < candidatesPerLayer.get(i); j++) if (probabilities[offset(i) + j] > probabilities[offset(i) + best]) best = j;
            choice[i] = best;
        }
        return new Architecture(List.of(choice));
    }
}
