package org.coex.accel.interop;

import java.util.List;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.Network;

/** A SCALE-Sim topology as read: its layers (depthwise rows already split) and the warnings it earned. */
public record ScaleSimTopology(String name, List<Layer> layers, List<String> warnings) {
    public ScaleSimTopology {
        layers = List.copyOf(layers);
        warnings = List.copyOf(warnings);
    }

    public Network network() { return new Network(name, layers); }
}
