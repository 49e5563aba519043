package org.coex.nas.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.coex.accel.workload.Layer;

/**
 * One searchable layer as the space derives it: its shapes and its candidate operations. Its input
 * width is a choice of {@code inStage} (-1: the stem, whose width is fixed) and its output width one of
 * {@code stage}; for every layer but a stage's first the two are the same stage. {@code residual}: the
 * layer adds its input back (and may be skipped), which needs stride 1 and equal input and output
 * widths whatever the choices are.
 */
public record SearchableLayer(int index, int stage, int inStage, List<Integer> inWidths, List<Integer> outWidths, int stride, int inSize,
                              boolean residual, List<Op> candidates) {
    public SearchableLayer {
        inWidths = List.copyOf(inWidths);
        outWidths = List.copyOf(outWidths);
        candidates = List.copyOf(candidates);
    }

    /** Output extent: same padding, so ceil(in / stride). */
    public int outSize() { return (inSize + stride - 1) / stride; }

    /** Whether input and output width are one choice (every layer of a stage but its first). */
    public boolean sharesWidth() { return inStage == stage; }

    /** The widest input: the supernet's weights. */
    public int inChannels() { return Collections.max(inWidths); }

    /** The widest output. */
    public int outChannels() { return Collections.max(outWidths); }

    /**
     * The accel-model layers of one candidate at the given widths: the MBConv's expansion (when
     * e > 1), depthwise and projection convolutions, named {@code layer<i>.expand} etc.; none for skip.
     */
    public List<Layer> accelLayers(Op op, int inChannels, int outChannels) {
        if (op.isSkip()) return List.of();
        int hidden = inChannels * op.expansion();
        List<Layer> out = new ArrayList<>(3);
        if (op.expansion() != 1) out.add(Layer.pointwise("layer" + index + ".expand", inSize, inSize, inChannels, hidden));
        out.add(Layer.depthwise("layer" + index + ".depthwise", inSize, inSize, hidden, op.kernel(), stride, op.kernel() / 2));
        out.add(Layer.pointwise("layer" + index + ".project", outSize(), outSize(), hidden, outChannels));
        return out;
    }

    /** MACs of one candidate at the given widths. */
    public long macs(Op op, int inChannels, int outChannels) {
        return accelLayers(op, inChannels, outChannels).stream().mapToLong(Layer::macs).sum();
    }
}
