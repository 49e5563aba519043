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
        List<Layer> fixed = space.fixedLayers();
        List<Layer> out = new ArrayList<>();
        out.add(fixed.get(0));
        List<SearchableLayer> layers = space.layers();
        for (int i = 0; i < layers.size(); i++) out.addAll(layers.get(i).accelLayers(ops.get(i)));
        out.addAll(fixed.subList(1, fixed.size()));
        return new Network(space.name() + "-" + String.join("", choices.stream().map(String::valueOf).toList()), out);
    }
}
