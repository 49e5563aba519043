package org.coex.nas.space;

import java.util.List;
import org.coex.accel.workload.Layer;

/** One searchable layer as the space derives it: its shapes and its candidate operations. */
public record SearchableLayer(int index, int stage, int inChannels, int outChannels, int stride, int inSize, List<Op> candidates) {
    public SearchableLayer {
        candidates = List.copyOf(candidates);
    }

    /** Output extent: same padding, so ceil(in / stride). */
    public int outSize() { return (inSize + stride - 1) / stride; }

    /**
     * The accel-model layers of one candidate: the MBConv's expansion (when e > 1), depthwise and
     * projection convolutions, named {@code layer<i>.expand} etc.; none for skip.
     */
    public List<Layer> accelLayers(Op op) {
        if (op.isSkip()) return List.of();
        int hidden = inChannels * op.expansion();
        List<Layer> out = new java.util.ArrayList<>(3);
        if (op.expansion() != 1) out.add(Layer.pointwise("layer" + index + ".expand", inSize, inSize, inChannels, hidden));
        out.add(Layer.depthwise("layer" + index + ".depthwise", inSize, inSize, hidden, op.kernel(), stride, op.kernel() / 2));
        out.add(Layer.pointwise("layer" + index + ".project", outSize(), outSize(), hidden, outChannels));
        return out;
    }

    /** MACs of one candidate. */
    public long macs(Op op) { return accelLayers(op).stream().mapToLong(Layer::macs).sum(); }
}
