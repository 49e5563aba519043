package org.coex.accel.explore;

import java.nio.file.Path;
import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.workload.Network;

/**
 * A validated sweep: evaluate {@code network} on {@code template} over {@code space} (with
 * {@code fixed} parameters held constant) and keep the Pareto front of {@code pareto}.
 * Built by {@link SweepSpecs#load}; the YAML layout is in docs/sweeps.md.
 *
 * @param source      the spec file (or {@code <built-in default>})
 * @param specSha256  hash of the spec text, recorded in the provenance of every output
 * @param plot        the two metrics of the PNG (x, y)
 */
public record SweepSpec(String source, String specSha256, Network network, String networkRef,
                        AcceleratorTemplate template, TechnologyTable technology, DesignSpace space, HwConfig fixed,
                        Sampling sampling, long samples, long seed, List<Metrics.Name> pareto,
                        List<Metrics.Name> plot, Path output) {

    public SweepSpec {
        pareto = List.copyOf(pareto);
        plot = List.copyOf(plot);
    }

    /** This spec writing to another folder. */
    public SweepSpec withOutput(Path newOutput) {
        return new SweepSpec(source, specSha256, network, networkRef, template, technology, space, fixed, sampling,
                samples, seed, pareto, plot, newOutput);
    }

    /** This spec with another seed. */
    public SweepSpec withSeed(long newSeed) {
        return new SweepSpec(source, specSha256, network, networkRef, template, technology, space, fixed, sampling,
                samples, newSeed, pareto, plot, output);
    }
}
