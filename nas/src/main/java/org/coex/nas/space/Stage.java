package org.coex.nas.space;

import java.util.Collections;
import java.util.List;

/**
 * A stage of searchable layers: the output channels it may choose from ({@code widths}, one value
 * when its width is fixed), number of layers, stride of its first layer. Every layer of a stage has
 * the stage's width.
 */
public record Stage(List<Integer> widths, int layers, int firstStride) {
    public Stage {
        widths = List.copyOf(widths);
        if (widths.isEmpty() || widths.stream().anyMatch(w -> w < 1) || layers < 1 || firstStride < 1) {
            throw new IllegalArgumentException("stage widths, layers and stride must be >= 1, found " + widths + ", " + layers + ", " + firstStride);
        }
        if (widths.stream().distinct().count() != widths.size()) throw new IllegalArgumentException("stage widths repeat: " + widths);
    }

    /** A stage of fixed width. */
    public Stage(int channels, int layers, int firstStride) {
        this(List.of(channels), layers, firstStride);
    }

    /** Whether the search chooses this stage's width. */
    public boolean searchableWidth() { return widths.size() > 1; }

    /** The widest choice: the channels the supernet holds weights for. */
    public int maxChannels() { return Collections.max(widths); }

    /** A fixed-width stage prints as it always did, so the fingerprints of existing spaces stay. */
    @Override public String toString() {
        return "Stage[channels=" + (searchableWidth() ? widths.toString() : widths.get(0)) + ", layers=" + layers + ", firstStride=" + firstStride + "]";
    }
}
