package org.coex.nas.space;

import java.util.ArrayList;
import java.util.List;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.Network;

/** One network of a search space: the index of the chosen candidate op of every searchable layer. */
public record Architecture(List<Integer> choices) {
    public Architecture {
        choices = List.copyOf(choices);
        for (int c : choices) if (c < 0) throw new IllegalArgumentException("choices must be >= 0");
    }

    /** Checks the choices against a space. @throws IllegalArgumentException naming the layer */
    public void validate(SearchSpace space) {
        List<SearchableLayer> layers = space.layers();
        if (choices.size() != layers.size()) throw new IllegalArgumentException("architecture has " + choices.size() + " layers, the space " + layers.size());
        for (int i = 0; i < layers.size(); i++) {
            if (choices.get(i) >= layers.get(i).candidates().size()) {
                throw new IllegalArgumentException("layer " + i + ": choice " + choices.get(i) + " but only " + layers.get(i).candidates().size() + " candidates");
            }
        }
    }

    /** The chosen op of every layer. */
    public List<Op> ops(SearchSpace space) {
        validate(space);
        List<SearchableLayer> layers = space.layers();
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) out.add(layers.get(i).candidates().get(choices.get(i)));
        return out;
    }

    /**
     * The accel-model network, so any accelerator template can cost it: stem, per layer the MBConv's
     * expansion (if any), depthwise and projection convolutions (nothing for skip), head, classifier.
     */
    public Network toNetwork(SearchSpace space) {
        List<Op> ops = ops(space);
        List<Layer> out = new ArrayList<>();
        int s = space.inputSize();
        out.add(Layer.conv("stem", s, s, space.inputChannels(), space.stemChannels(), space.stemKernel(), space.stemStride(),
                space.stemKernel() / 2));
        List<SearchableLayer> layers = space.layers();
        for (int i = 0; i < layers.size(); i++) {
            SearchableLayer l = layers.get(i);
            Op op = ops.get(i);
            if (op.isSkip()) continue;
            int hidden = l.inChannels() * op.expansion();
            int in = l.inSize();
            if (op.expansion() != 1) out.add(Layer.pointwise("layer" + i + ".expand", in, in, l.inChannels(), hidden));
            out.add(Layer.depthwise("layer" + i + ".depthwise", in, in, hidden, op.kernel(), l.stride(), op.kernel() / 2));
            out.add(Layer.pointwise("layer" + i + ".project", l.outSize(), l.outSize(), hidden, l.outChannels()));
        }
        SearchableLayer last = layers.get(layers.size() - 1);
        out.add(Layer.pointwise("head", last.outSize(), last.outSize(), last.outChannels(), space.headChannels()));
        out.add(Layer.fullyConnected("classifier", space.headChannels(), space.classes()));
        return new Network(space.name() + "-" + String.join("", choices.stream().map(String::valueOf).toList()), out);
    }
}
