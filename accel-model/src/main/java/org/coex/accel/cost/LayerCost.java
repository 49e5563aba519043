package org.coex.accel.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coex.accel.Checks;

/**
 * The cost of one layer on one accelerator configuration. Counts are >= 0 and energies finite and
 * >= 0, or construction throws {@link CostError}.
 *
 * @param computeCycles cycles the array needs with unlimited memory bandwidth
 * @param stallCycles   extra cycles spent waiting for DRAM
 * @param utilization   MACs / (cycles * PEs), in (0, 1]
 * @param accesses      access counts by name (words), e.g. {@code ifmap_sram_reads}, {@code dram_ifmap_reads}
 * @param energyPj      energy by component (pJ), e.g. {@code mac}, {@code ifmap_sram}, {@code dram}
 */
public record LayerCost(String layer, long macs, long computeCycles, long stallCycles, double utilization,
                        Map<String, Long> accesses, Map<String, Double> energyPj) {

    public LayerCost {
        Checks.notBlank("layer", layer);
        CostError.count(layer, "macs", macs);
        CostError.count(layer, "compute cycles", computeCycles);
        CostError.count(layer, "stall cycles", stallCycles);
        accesses = Collections.unmodifiableMap(new LinkedHashMap<>(accesses));
        energyPj = Collections.unmodifiableMap(new LinkedHashMap<>(energyPj));
        for (var a : accesses.entrySet()) CostError.count(layer, "accesses '" + a.getKey() + "'", a.getValue());
        for (var e : energyPj.entrySet()) CostError.amount(layer, "energy '" + e.getKey() + "' (pJ)", e.getValue());
    }

    /** Total cycles: compute plus stalls. */
    public long cycles() { return computeCycles + stallCycles; }

    /** Total energy (pJ): the sum of the breakdown. */
    public double totalEnergyPj() {
        double s = 0;
        for (double e : energyPj.values()) s += e;
        return s;
    }

    /** One access count, 0 if the template does not report it. */
    public long access(String name) { return accesses.getOrDefault(name, 0L); }
}
