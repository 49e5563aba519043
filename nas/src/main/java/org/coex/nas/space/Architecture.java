package org.coex.nas.space;

import java.util.ArrayList;
import java.util.List;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.Network;

/**
 * One network of a search space: the index of the chosen candidate op of every searchable layer and,
 * in a space that searches widths, the index of every stage's chosen width ({@code widths} is empty
 * in a space that does not: there every stage has its one width).
 */
public record Architecture(List<Integer> choices, List<Integer> widths) {
    public Architecture {
        choices = List.copyOf(choices);
        widths = List.copyOf(widths);
        for (int c : choices) if (c < 0) throw new IllegalArgumentException("choices must be >= 0");
        for (int w : widths) if (w < 0) throw new IllegalArgumentException("width choices must be >= 0");
    }

    /** An architecture of a space without width choices. */
    public Architecture(List<Integer> choices) {
        this(choices, List.of());
    }

    /** The index of stage s's width (0 where the space fixes it). */
    public int width(int stage) { return widths.isEmpty() ? 0 : widths.get(stage); }

    /** Checks the choices against a space. @throws IllegalArgumentException naming the layer or stage */
    public void validate(SearchSpace space) {
        List<SearchableLayer> layers = space.layers();
        if (choices.size() != layers.size()) throw new IllegalArgumentException("architecture has " + choices.size() + " layers, the space " + layers.size());
        for (int i = 0; i < layers.size(); i++) {
            if (choices.get(i) >= layers.get(i).candidates().size()) {
                throw new IllegalArgumentException("layer " + i + ": choice " + choices.get(i) + " but only " + layers.get(i).candidates().size() + " candidates");
            }
        }
        boolean searched = space.encoding().searchesWidth();
        if (!searched && !widths.isEmpty()) throw new IllegalArgumentException("the space searches no width, but the architecture chooses " + widths);
        if (searched && widths.size() != space.stages().size()) {
            throw new IllegalArgumentException("architecture chooses " + widths.size() + " widths, the space has " + space.stages().size() + " stages");
        }
        for (int s = 0; s < widths.size(); s++) {
            if (widths.get(s) >= space.stages().get(s).widths().size()) {
                throw new IllegalArgumentException("stage " + s + ": width choice " + widths.get(s) + " but only " + space.stages().get(s).widths().size() + " widths");
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

    /** The chosen output channels of every stage. */
    public List<Integer> stageChannels(SearchSpace space) {
        validate(space);
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < space.stages().size(); s++) out.add(channels(space, s));
        return out;
    }

    /** Layer l's input channels under this architecture. */
    public int inChannels(SearchSpace space, SearchableLayer l) { return channels(space, l.inStage()); }

    /** Layer l's output channels under this architecture. */
    public int outChannels(SearchSpace space, SearchableLayer l) { return channels(space, l.stage()); }

    /** Stage s's chosen channels; the stem's for s = -1. */
    private int channels(SearchSpace space, int stage) {
        return stage < 0 ? space.stemChannels() : space.stages().get(stage).widths().get(width(stage));
    }

    /**
     * The accel-model network, so any accelerator template can cost it: stem, per layer the MBConv's
     * expansion (if any), depthwise and projection convolutions (nothing for skip), head, classifier.
     */
    public Network toNetwork(SearchSpace space) {
        List<Op> ops = ops(space);
        List<Layer> out = new ArrayList<>();
        out.add(space.stemLayer());
        List<SearchableLayer> layers = space.layers();
        for (SearchableLayer l : layers) out.addAll(l.accelLayers(ops.get(l.index()), inChannels(space, l), outChannels(space, l)));
        List<Integer> channels = stageChannels(space);
        out.add(space.headLayer(channels.get(channels.size() - 1)));
        out.add(space.classifierLayer());
        return new Network(space.name() + "-" + label(), out);
    }

    /** The op indices, and the stage channels where the space searches widths: {@code [0, 6, 2] channels [16, 40]}. */
    public String describe(SearchSpace space) {
        return widths.isEmpty() ? choices.toString() : choices + " channels " + stageChannels(space);
    }

    /** The ops' indices as digits, then the widths' after a "w" (where the space searches them). */
    public String label() {
        String ops = String.join("", choices.stream().map(String::valueOf).toList());
        return widths.isEmpty() ? ops : ops + "-w" + String.join("", widths.stream().map(String::valueOf).toList());
    }
}
