package org.coex.benchmarks;

import java.nio.file.Path;
import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.Sampling;
import org.coex.accel.explore.SweepSpec;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.workload.NetworkZoo;

/** Inputs the benchmarks share. */
final class Fixtures {
    private Fixtures() {}

    /** A full-grid sweep of a zoo network over a space, latency x energy x area front, nothing written. */
    static SweepSpec gridSweep(String network, AcceleratorTemplate template, String technology, DesignSpace space) {
        return new SweepSpec("benchmark", "-", NetworkZoo.byName(network).orElseThrow(), network, template,
                TechnologyTables.preset(technology), space, HwConfig.of(), Sampling.GRID, 1, 1,
                List.of(Metrics.Name.LATENCY, Metrics.Name.ENERGY, Metrics.Name.AREA),
                List.of(Metrics.Name.LATENCY, Metrics.Name.ENERGY), Path.of("unused"), org.coex.accel.explore.PointsOutput.AUTO,
                java.util.Optional.empty(), null);
    }
}
