package org.coex.nas.space;

import java.util.List;

/** One searchable layer as the space derives it: its shapes and its candidate operations. */
public record SearchableLayer(int index, int stage, int inChannels, int outChannels, int stride, int inSize, List<Op> candidates) {
    public SearchableLayer {
        candidates = List.copyOf(candidates);
    }

    /** Output extent: same padding, so ceil(in / stride). */
    public int outSize() { return (inSize + stride - 1) / stride; }
}
