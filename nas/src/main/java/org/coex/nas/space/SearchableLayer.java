package org.coex.nas.space;

import java.util.List;

/** One searchable layer as the space derives it: its shapes and its candidate operations. */
public record SearchableLayer(int index, int stage, int inChannels, int outChannels, int stride, int inSize, List<Op> candidates) {
    public SearchableLayer {
        candidates = List.copyOf(candidates);
    }

    /** Output extent: same padding, so ceil(in / stride). */
    public int outSize() { return (inSize + stride - 1) / stride; }

    /** MACs of one candidate: expansion in^2 * inC * hidden (if any), depthwise out^2 * hidden * k^2, projection out^2 * hidden * outC. */
    public long macs(Op op) {
        if (op.isSkip()) return 0;
        long hidden = (long) inChannels * op.expansion();
        long in2 = (long) inSize * inSize;
        long out2 = (long) outSize() * outSize();
        long expand = op.expansion() == 1 ? 0 : in2 * inChannels * hidden;
        return expand + out2 * hidden * op.kernel() * op.kernel() + out2 * hidden * outChannels;
    }
}
