package org.coex.accel.template;

import java.util.Map;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.cost.NetworkCost;
import org.coex.accel.space.HwConfig;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.Network;

/** One configured accelerator: costs layers and networks. Immutable and thread-safe. */
public interface Accelerator {

    /** The configuration it was built from, defaults filled in. */
    HwConfig config();

    /** Clock frequency (MHz), which turns cycles into time. */
    double clockMhz();

    /** Area by component (um^2). */
    Map<String, Double> areaUm2();

    /** The cost of one layer. */
    LayerCost evaluate(Layer layer);

    /** The cost of a network: its layers one after another. */
    default NetworkCost evaluate(Network network) {
        return new NetworkCost(network.name(), network.layers().stream().map(this::evaluate).toList(), areaUm2(), clockMhz());
    }
}
