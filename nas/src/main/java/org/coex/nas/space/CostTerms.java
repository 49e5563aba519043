package org.coex.nas.space;

import java.util.ArrayList;
import java.util.List;
import org.coex.accel.workload.Layer;

/**
 * A space's network cost as a sum of terms. Layers add up, so any additive metric (cycles, energy,
 * MACs) of an architecture is the fixed layers' plus the sum over terms of weight x term cost, where
 * a term is one candidate of one searchable layer at one pair of input and output widths, or the head
 * at one width of the last stage. Under independent choices with probabilities p (encoding layout)
 * a term's weight is the product of its factors' entries,
 * <pre>  w_t(p) = prod over f in factors(t) of p_f</pre>
 * so the expected metric is an exact polynomial in p (degree 3 at most: an op and two widths); for a
 * one-hot p it is the architecture's own metric. In a space that searches no width there is one term
 * per encoding entry, with that entry as its only factor ({@link #identity()}: w(p) = p).
 *
 * @param fixed the layers every architecture has: stem and classifier, and the head when the last
 *              stage's width is fixed
 */
public record CostTerms(List<Layer> fixed, List<Term> terms, int encodingLength) {
    /** Layers weighted by the product of the encoding entries {@code factors} (distinct indices). */
    public record Term(List<Layer> layers, List<Integer> factors) {
        public Term {
            layers = List.copyOf(layers);
            factors = List.copyOf(factors);
        }

        public long macs() { return layers.stream().mapToLong(Layer::macs).sum(); }
    }

    public CostTerms {
        fixed = List.copyOf(fixed);
        terms = List.copyOf(terms);
    }

    /** The terms of {@code space}: per layer, candidate, input width and output width; then the head per last width. */
    public static CostTerms of(SearchSpace space) {
        ArchEncoding e = space.encoding();
        List<Term> terms = new ArrayList<>();
        for (SearchableLayer l : space.layers()) {
            for (int j = 0; j < l.candidates().size(); j++) {
                for (int[] ab : widthPairs(l)) {
                    List<Integer> factors = new ArrayList<>(List.of(e.offset(l.index()) + j));
                    if (!l.sharesWidth()) addWidth(factors, e, l.inStage(), ab[0]);
                    addWidth(factors, e, l.stage(), ab[1]);
                    terms.add(new Term(l.accelLayers(l.candidates().get(j), l.inWidths().get(ab[0]), l.outWidths().get(ab[1])), factors));
                }
            }
        }
        List<Layer> fixed = new ArrayList<>(List.of(space.stemLayer(), space.classifierLayer()));
        int last = space.stages().size() - 1;
        List<Integer> lastWidths = space.stages().get(last).widths();
        if (e.widthOffset(last) < 0) fixed.add(1, space.headLayer(lastWidths.get(0)));
        else for (int b = 0; b < lastWidths.size(); b++) terms.add(new Term(List.of(space.headLayer(lastWidths.get(b))), List.of(e.widthOffset(last) + b)));
        return new CostTerms(fixed, terms, e.length());
    }

    /** The (input, output) width indices a layer can run at, output outer: both, or one choice when the layer shares its stage's width. */
    private static List<int[]> widthPairs(SearchableLayer l) {
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < l.outWidths().size(); b++) {
            if (l.sharesWidth()) out.add(new int[] {b, b});
            else for (int a = 0; a < l.inWidths().size(); a++) out.add(new int[] {a, b});
        }
        return out;
    }

    private static void addWidth(List<Integer> factors, ArchEncoding e, int stage, int choice) {
        if (stage >= 0 && e.widthOffset(stage) >= 0) factors.add(e.widthOffset(stage) + choice);
    }

    /** One term per encoding entry, weighted by that entry alone: w(p) = p. */
    public boolean identity() {
        if (terms.size() != encodingLength) return false;
        for (int t = 0; t < terms.size(); t++) if (!terms.get(t).factors().equals(List.of(t))) return false;
        return true;
    }

    /** w(p): every term's weight under probabilities p (encoding layout). */
    public double[] weights(double[] p) {
        if (p.length != encodingLength) throw new IllegalArgumentException("vector has " + p.length + " entries, the encoding " + encodingLength);
        double[] w = new double[terms.size()];
        for (int t = 0; t < w.length; t++) {
            double v = 1;
            for (int f : terms.get(t).factors()) v *= p[f];
            w[t] = v;
        }
        return w;
    }

    /** The most factors of any term: the polynomial's degree. */
    public int degree() { return terms.stream().mapToInt(t -> t.factors().size()).max().orElse(0); }

    /** MACs of the fixed layers. */
    public long fixedMacs() { return fixed.stream().mapToLong(Layer::macs).sum(); }
}
