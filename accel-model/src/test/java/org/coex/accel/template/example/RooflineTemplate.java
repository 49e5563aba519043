package org.coex.accel.template.example;

import java.util.Map;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.Accelerator;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.workload.Layer;

/**
 * The worked example of docs/custom-template.md: a roofline accelerator with a peak of
 * {@code macs_per_cycle} and a DRAM of {@code dram_words_per_cycle}. A layer takes
 * max(ceil(MACs / peak), ceil(words / bandwidth)) cycles, where words = inputs + weights + outputs.
 * Registered in META-INF/services/org.coex.accel.template.AcceleratorTemplate.
 */
public final class RooflineTemplate implements AcceleratorTemplate {

    @Override public String name() { return "roofline"; }

    @Override public String description() { return "peak MACs per cycle and DRAM bandwidth, nothing else"; }

    @Override public DesignSpace defaultSpace() {
        return DesignSpace.of(
                Parameter.of("macs_per_cycle", 256, 1024, 4096),
                Parameter.of("dram_words_per_cycle", 16, 64),
                Parameter.of("clock_mhz", 500, 1000));
    }

    @Override public Accelerator configure(HwConfig config, TechnologyTable tech) {
        int peak = config.intValue("macs_per_cycle", 1024);
        double bandwidth = config.doubleValue("dram_words_per_cycle", 16);
        double clock = config.doubleValue("clock_mhz", 1000);
        if (peak < 1) throw new IllegalArgumentException("macs_per_cycle must be >= 1, found " + peak);
        if (!(bandwidth > 0)) throw new IllegalArgumentException("dram_words_per_cycle must be > 0, found " + bandwidth);
        return new RooflineAccelerator(config, peak, bandwidth, clock, tech);
    }

    record RooflineAccelerator(HwConfig config, int peak, double bandwidth, double clockMhz, TechnologyTable tech)
            implements Accelerator {

        @Override public Map<String, Double> areaUm2() { return Map.of("macs", peak * tech.macAreaUm2(8)); }

        @Override public LayerCost evaluate(Layer layer) {
            long words = layer.inputCount() + layer.weightCount() + layer.outputCount();
            long compute = (layer.macs() + peak - 1) / peak;
            long memory = (long) Math.ceil(words / bandwidth);
            return new LayerCost(layer.name(), layer.macs(), compute, Math.max(0, memory - compute),
                    layer.macs() / ((double) Math.max(compute, memory) * peak), Map.of("dram_words", words),
                    Map.of("mac", layer.macs() * tech.macPj(8), "dram", words * tech.dramPj(8)));
        }
    }
}
