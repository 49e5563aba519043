package org.coex.nas.space;

/** A stage of searchable layers: output channels, number of layers, stride of its first layer. */
public record Stage(int channels, int layers, int firstStride) {
    public Stage {
        if (channels < 1 || layers < 1 || firstStride < 1) {
            throw new IllegalArgumentException("stage channels, layers and stride must be >= 1, found " + channels + ", " + layers + ", " + firstStride);
        }
    }
}
