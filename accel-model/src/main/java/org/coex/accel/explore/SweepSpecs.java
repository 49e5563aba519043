package org.coex.accel.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.coex.accel.cluster.ClusterSettings;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;

/** Reads and checks sweep specs; every problem is reported with its line and key path. */
public final class SweepSpecs {
    static final List<String> KEYS = concat(Target.KEYS, List.of("sampling", "samples", "seed", "pareto", "plot", "output", "points", "cluster"));
    /** Grids larger than this must be sampled, unless the sweep runs on a cluster. */
    public static final long MAX_GRID = 5_000_000;

    private SweepSpecs() {}

    /** @throws SpecException listing every problem of the file */
    public static SweepSpec load(Path file) { return load(file, false); }

    /**
     * @param onCluster whether a cluster was given outside the spec ({@code --master}): the grid limit does not apply
     * @throws SpecException listing every problem of the file
     */
    public static SweepSpec load(Path file, boolean onCluster) {
        String text = InputFiles.readString(file, "sweep spec", "check the path");
        return parse(YamlDocument.parse(file, text), text, file.toAbsolutePath().getParent(), onCluster);
    }

    /** The spec again from its origin, as a cluster task reads it (no file access but the spec's own references). */
    public static SweepSpec reread(String source, SweepSpec.Origin origin) {
        return parse(YamlDocument.parse(Path.of(source), origin.text()), origin.text(), Path.of(origin.base()), true);
    }

    /** The built-in default sweep: ResNet-50 on the systolic template's default space. */
    public static SweepSpec builtInDefault() {
        try (InputStream in = SweepSpecs.class.getResourceAsStream("default-sweep.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(YamlDocument.parse(Path.of("<built-in default sweep>"), text), text, Path.of(""), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SweepSpec parse(YamlDocument doc, String text, Path base, boolean onCluster) {
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        root.allowOnly(KEYS);

        Target target = Target.read(root, base);
        DesignSpace space = target.space();
        String samplingName = root.string("sampling", "grid");
        Sampling sampling = Sampling.parse(samplingName).orElse(Sampling.GRID);
        if (Sampling.parse(samplingName).isEmpty()) root.problem("sampling", "must be grid, random or sobol (found \"" + samplingName + "\")");
        long samples = root.longAtLeast("samples", 1000, 1);
        Optional<ClusterSettings> cluster = ClusterSettings.read(root.child("cluster"));
        String pointsName = root.string("points", "auto");
        PointsOutput points = pointsName.equals("auto") ? PointsOutput.AUTO : PointsOutput.parse(pointsName).orElse(PointsOutput.AUTO);
        if (!pointsName.equals("auto") && PointsOutput.parse(pointsName).isEmpty()) {
            root.problem("points", "must be all, front or none (found \"" + pointsName + "\"); leave it out for all up to "
                    + PointsOutput.AUTO_ALL_LIMIT + " points and front above");
        }
        if (sampling == Sampling.GRID && space.size() > MAX_GRID && !onCluster && cluster.isEmpty()) {
            root.problem("sampling", "the grid has " + space.size() + " points (more than " + MAX_GRID
                    + "); use sampling: random or sobol with samples: N, or run it on a cluster (--master; docs/cluster.md)");
        }
        long seed = root.longValue("seed", 1);
        List<Metrics.Name> pareto = metrics(root.child("pareto"), List.of(Metrics.Name.LATENCY, Metrics.Name.ENERGY, Metrics.Name.AREA), 2, 3);
        List<Metrics.Name> plot = metrics(root.child("plot"), pareto.subList(0, Math.min(2, pareto.size())), 2, 2);
        Path output = Path.of(root.string("output", "runs/sweep"));
        if (!output.isAbsolute()) output = base.resolve(output);
        output = output.toAbsolutePath().normalize();
        problems.throwIfAny();
        return new SweepSpec(doc.file().toString(), sha256(text), target.network(), target.networkRef(), target.template(),
                target.technology(), space, target.fixed(), sampling, samples, seed, pareto, plot, output, points, cluster,
                new SweepSpec.Origin(text, base.toString()));
    }

    private static List<Metrics.Name> metrics(SpecNode node, List<Metrics.Name> fallback, int min, int max) {
        if (node.isMissing()) return fallback;
        List<Metrics.Name> out = new ArrayList<>();
        for (SpecNode e : node.elements()) {
            Object o = e.scalar();
            Optional<Metrics.Name> m = o == null ? Optional.empty() : Metrics.Name.parse(o.toString());
            if (m.isEmpty() || m.get() == Metrics.Name.FPS) {
                if (o != null) e.problem("unknown metric '" + o + "'; use latency, energy, area or edp");
            } else if (out.contains(m.get())) {
                e.problem("metric listed twice");
            } else {
                out.add(m.get());
            }
        }
        if (out.size() < min || out.size() > max) {
            node.problem("list " + (min == max ? "exactly " + min : min + " or " + max) + " metrics of latency, energy, area, edp");
            return fallback;
        }
        return out;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** SHA-256 of a spec's text, hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
