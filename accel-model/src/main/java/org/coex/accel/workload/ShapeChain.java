package org.coex.accel.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a network layer by layer, carrying the activation shape from one layer to the next, so
 * the zoo can state each architecture as its published layer list. Pooling changes the shape but
 * adds no layer (the cost models count MACs of convolutions and fully-connected layers only).
 */
final class ShapeChain {
    private final String networkName;
    private final List<Layer> layers = new ArrayList<>();
    private int height;
    private int width;
    private int channels;

    ShapeChain(String networkName, int height, int width, int channels) {
        this.networkName = networkName;
        this.height = height;
        this.width = width;
        this.channels = channels;
    }

    int height() { return height; }
    int width() { return width; }
    int channels() { return channels; }

    /** Appends a convolution on the current shape and moves to its output shape. */
    ShapeChain conv(String name, int outC, int kernel, int stride, int pad, int groups) {
        Layer l = new Layer(name, 1, height, width, channels, outC, kernel, kernel, stride, stride, pad, pad, groups,
                OutputRounding.FLOOR);
        return add(l);
    }

    ShapeChain conv(String name, int outC, int kernel, int stride, int pad) {
        return conv(name, outC, kernel, stride, pad, 1);
    }

    /** Appends a convolution that reads a shape other than the current one (a residual shortcut). */
    ShapeChain branch(Layer layer) {
        layers.add(layer);
        return this;
    }

    /** Max or average pooling: shape change only. */
    ShapeChain pool(int kernel, int stride, int pad) {
        height = OutputRounding.FLOOR.outputExtent(height + 2 * pad, kernel, stride);
        width = OutputRounding.FLOOR.outputExtent(width + 2 * pad, kernel, stride);
        return this;
    }

    /** Flattens the current shape and appends a fully-connected layer. */
    ShapeChain fc(String name, int out) {
        int in = height * width * channels;
        height = 1;
        width = 1;
        channels = in;
        return add(Layer.fullyConnected(name, in, out));
    }

    /** Global average pooling to 1x1. */
    ShapeChain globalPool() {
        height = 1;
        width = 1;
        return this;
    }

    private ShapeChain add(Layer l) {
        layers.add(l);
        height = l.outH();
        width = l.outW();
        channels = l.outC();
        return this;
    }

    Network build() { return new Network(networkName, layers); }
}
