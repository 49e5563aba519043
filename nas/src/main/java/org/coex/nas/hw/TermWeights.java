package org.coex.nas.hw;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.coex.nas.space.CostTerms;

/**
 * {@link CostTerms#weights} inside a DJL graph, for a batch: with P~ = [P, 1] ([B, K + 1]) and one
 * 0/1 selection matrix per factor position S_1..S_d ([K + 1, T]; a term with fewer factors selects
 * the constant column), W = (P~ S_1) o (P~ S_2) o ... o (P~ S_d), element-wise products. Gradients
 * reach P. In a space without width choices W = P and nothing is computed. Holds its matrices in a
 * sub-manager of the one it is given.
 */
public final class TermWeights implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] selections;
    private final boolean identity;

    public TermWeights(CostTerms terms, NDManager parent) {
        this.manager = parent.newSubManager();
        this.identity = terms.identity();
        int k = terms.encodingLength();
        int t = terms.terms().size();
        int degree = identity ? 0 : terms.degree();
        this.selections = new NDArray[degree];
        for (int d = 0; d < degree; d++) {
            float[] s = new float[(k + 1) * t];
            for (int j = 0; j < t; j++) {
                List<Integer> f = terms.terms().get(j).factors();
                s[(d < f.size() ? f.get(d) : k) * t + j] = 1;
            }
            selections[d] = manager.create(s, new Shape(k + 1, t));
        }
    }

    /** W [B, T] for P [B, K], in P's manager. */
    public NDArray apply(NDArray probabilities) {
        if (identity) return probabilities;
        NDArray ones = probabilities.get(":, :1").onesLike().stopGradient();
        NDArray extended = probabilities.concat(ones, 1);
        NDArray w = null;
        for (NDArray s : selections) {
            NDArray part = extended.matMul(s);
            w = w == null ? part : w.mul(part);
        }
        return w;
    }

    @Override public void close() { manager.close(); }
}
