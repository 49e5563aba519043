package org.coex.accel.workload;

import java.util.List;
import org.coex.accel.Checks;

/** An ordered list of layers, costed one after another; layer names are unique. */
public record Network(String name, List<Layer> layers) {

    public Network {
        Checks.notBlank("name", name);
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new IllegalArgumentException(name + ": a network needs at least one layer");
        long distinct = layers.stream().map(Layer::name).distinct().count();
        if (distinct != layers.size()) throw new IllegalArgumentException(name + ": layer names must be unique");
    }

    /** Total multiply-accumulates. */
    public long macs() { return layers.stream().mapToLong(Layer::macs).sum(); }

    /** Total weights. */
    public long weightCount() { return layers.stream().mapToLong(Layer::weightCount).sum(); }

    /** This network with every layer at another batch size. */
    public Network withBatch(int batch) {
        return new Network(name, layers.stream().map(l -> l.withBatch(batch)).toList());
    }
}
