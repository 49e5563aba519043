package org.coex.evaluator.net;

import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;

/**
 * How a configuration enters and leaves the networks: one block per design-space parameter (in the
 * space's order), one entry per value; a configuration is one-hot in every block.
 */
public record HardwareLayout(DesignSpace designSpace) {

    public int width() { return designSpace.parameters().stream().mapToInt(Parameter::size).sum(); }

    public int blocks() { return designSpace.parameters().size(); }

    public int blockSize(int j) { return designSpace.parameters().get(j).size(); }

    public int offset(int j) {
        int o = 0;
        for (int i = 0; i < j; i++) o += blockSize(i);
        return o;
    }

    /** The one-hot encoding of per-parameter value indices. */
    public float[] oneHot(int[] choices) {
        float[] v = new float[width()];
        for (int j = 0; j < choices.length; j++) v[offset(j) + choices[j]] = 1;
        return v;
    }

    /** Row after row, the one-hot encodings of configurations given by grid index: [rows x width], flat. */
    public float[] oneHotRows(int[] gridIndices) {
        int w = width();
        float[] out = new float[gridIndices.length * w];
        for (int r = 0; r < gridIndices.length; r++) System.arraycopy(oneHot(designSpace.choices(gridIndices[r])), 0, out, r * w, w);
        return out;
    }

    /** The argmax of every block: value indices. */
    public int[] argmax(float[] v) {
        int[] out = new int[blocks()];
        for (int j = 0; j < out.length; j++) {
            int best = 0;
            for (int i = 1; i < blockSize(j); i++) if (v[offset(j) + i] > v[offset(j) + best]) best = i;
            out[j] = best;
        }
        return out;
    }

    /** Grid index of per-parameter value indices, as {@link DesignSpace#point(long)} numbers them. */
    public int index(int[] choices) { return (int) designSpace.index(choices); }
}
