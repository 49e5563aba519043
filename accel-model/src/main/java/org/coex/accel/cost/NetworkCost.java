package org.coex.accel.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of a network: its layers run one after another on one accelerator.
 *
 * @param areaUm2 area by component (um^2)
 */
public record NetworkCost(String network, List<LayerCost> layers, Map<String, Double> areaUm2, double clockMhz) {

    public NetworkCost {
        layers = List.copyOf(layers);
        areaUm2 = Collections.unmodifiableMap(new LinkedHashMap<>(areaUm2));
    }

    public long cycles() { return layers.stream().mapToLong(LayerCost::cycles).sum(); }

    public long stallCycles() { return layers.stream().mapToLong(LayerCost::stallCycles).sum(); }

    public long macs() { return layers.stream().mapToLong(LayerCost::macs).sum(); }

    public double energyPj() { return layers.stream().mapToDouble(LayerCost::totalEnergyPj).sum(); }

    public double totalAreaUm2() { return areaUm2.values().stream().mapToDouble(Double::doubleValue).sum(); }

    /** Energy by component summed over layers (pJ), in the order the layers report them. */
    public Map<String, Double> energyBreakdownPj() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (LayerCost l : layers) l.energyPj().forEach((k, v) -> m.merge(k, v, Double::sum));
        return m;
    }

    public Metrics metrics() { return Metrics.of(cycles(), clockMhz, energyPj(), totalAreaUm2()); }
}
