package org.coex.nas.space;

import java.util.ArrayList;
import java.util.List;

/**
 * Three networks that mark out a space: the one of fewest MACs and the one of most (both exact), and
 * the middle one (every list at its middle entry: each stage's middle width, every layer the MBConv of
 * the middle kernel and middle expansion). The extremes take every combination of stage widths and,
 * for each, every layer's cheapest (dearest) op at those widths: a layer's MACs depend only on its op
 * and its two widths, so that is exact.
 */
public final class LandmarkNetworks {
    /** More width combinations than this are not enumerated. */
    public static final long MAX_WIDTH_COMBINATIONS = 1_000_000;

    private LandmarkNetworks() {}

    public static Architecture fewestMacs(SearchSpace space) { return extreme(space, false); }

    public static Architecture mostMacs(SearchSpace space) { return extreme(space, true); }

    public static Architecture middle(SearchSpace space) {
        int e = space.expansions().size();
        int op = (space.kernels().size() - 1) / 2 * e + (e - 1) / 2;
        List<Integer> ops = new ArrayList<>();
        for (SearchableLayer l : space.layers()) ops.add(op);
        return new Architecture(ops, widths(space, s -> (space.stages().get(s).widths().size() - 1) / 2));
    }

    /** The number of networks in the space: product of every layer's candidates and every stage's widths. */
    public static double count(SearchSpace space) {
        double n = 1;
        for (SearchableLayer l : space.layers()) n *= l.candidates().size();
        for (Stage s : space.stages()) n *= s.widths().size();
        return n;
    }

    private static Architecture extreme(SearchSpace space, boolean most) {
        long combinations = 1;
        for (Stage s : space.stages()) combinations *= s.widths().size();
        if (combinations > MAX_WIDTH_COMBINATIONS) {
            throw new IllegalArgumentException(space.name() + " has " + combinations + " width combinations; at most " + MAX_WIDTH_COMBINATIONS + " are enumerated");
        }
        List<SearchableLayer> layers = space.layers();
        Architecture best = null;
        long bestMacs = 0;
        int[] idx = new int[space.stages().size()];
        for (long c = 0; c < combinations; c++) {
            long rest = c;
            for (int s = 0; s < idx.length; s++) {
                idx[s] = (int) (rest % space.stages().get(s).widths().size());
                rest /= space.stages().get(s).widths().size();
            }
            Architecture widthsOnly = new Architecture(zeros(layers.size()), widths(space, s -> idx[s]));
            List<Integer> ops = new ArrayList<>();
            for (SearchableLayer l : layers) {
                int in = widthsOnly.inChannels(space, l);
                int out = widthsOnly.outChannels(space, l);
                int pick = 0;
                long pickMacs = l.macs(l.candidates().get(0), in, out);
                for (int j = 1; j < l.candidates().size(); j++) {
                    long m = l.macs(l.candidates().get(j), in, out);
                    if (most ? m > pickMacs : m < pickMacs) {
                        pick = j;
                        pickMacs = m;
                    }
                }
                ops.add(pick);
            }
            Architecture a = new Architecture(ops, widthsOnly.widths());
            long macs = a.toNetwork(space).macs();
            if (best == null || (most ? macs > bestMacs : macs < bestMacs)) {
                best = a;
                bestMacs = macs;
            }
        }
        return best;
    }

    private static List<Integer> widths(SearchSpace space, java.util.function.IntUnaryOperator choice) {
        if (!space.searchesWidth()) return List.of();
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < space.stages().size(); s++) out.add(choice.applyAsInt(s));
        return out;
    }

    private static List<Integer> zeros(int n) { return new ArrayList<>(java.util.Collections.nCopies(n, 0)); }
}
