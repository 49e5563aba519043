package org.coex.accel.explore;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.coex.accel.cluster.ClusterSettings;
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
 * @param points      what {@code points.csv} holds
 * @param cluster     where the sweep runs when not on this machine alone
 */
public record SweepSpec(String source, String specSha256, Network network, String networkRef,
                        AcceleratorTemplate template, TechnologyTable technology, DesignSpace space, HwConfig fixed,
                        Sampling sampling, long samples, long seed, List<Metrics.Name> pareto,
                        List<Metrics.Name> plot, Path output, PointsOutput points, Optional<ClusterSettings> cluster,
                        Origin origin) {

    /** The spec's text and the folder its relative paths start from, so a cluster task can read the same spec again. */
    public record Origin(String text, String base) implements java.io.Serializable {}

    public SweepSpec {
        pareto = List.copyOf(pareto);
        plot = List.copyOf(plot);
    }

    /** This spec writing to another folder. */
    public SweepSpec withOutput(Path newOutput) {
        return new SweepSpec(source, specSha256, network, networkRef, template, technology, space, fixed, sampling,
                samples, seed, pareto, plot, newOutput, points, cluster, origin);
    }

    /** This spec with another seed. */
    public SweepSpec withSeed(long newSeed) {
        return new SweepSpec(source, specSha256, network, networkRef, template, technology, space, fixed, sampling,
                samples, newSeed, pareto, plot, output, points, cluster, origin);
    }

    /** This spec run on another cluster (the {@code --master} option). */
    public SweepSpec withCluster(ClusterSettings settings) {
        return new SweepSpec(source, specSha256, network, networkRef, template, technology, space, fixed, sampling,
                samples, seed, pareto, plot, output, points, Optional.of(settings), origin);
    }
}
