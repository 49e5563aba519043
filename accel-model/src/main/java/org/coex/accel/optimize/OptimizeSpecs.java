package org.coex.accel.optimize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.SweepSpecs;
import org.coex.accel.explore.Target;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;

/**
 * Reads {@code coex optimize} specs: the keys of a sweep's target ({@link Target}) plus
 * {@code objective} (latency, energy, edp, area, or a mapping of weights such as
 * {@code {latency: 1, energy: 0.001}}), {@code limits} ({@code latency_ms}, {@code fps},
 * {@code area_mm2}, {@code energy_uj}, {@code edp_uj_ms}), {@code budget} (distinct evaluations,
 * default 2,000), {@code seed} and {@code output}.
 */
public final class OptimizeSpecs {
    private static final List<String> OWN_KEYS = List.of("objective", "limits", "budget", "seed", "output");

    private OptimizeSpecs() {}

    /** @throws org.coex.accel.spec.SpecException listing every problem */
    public static OptimizeSpec load(Path file) {
        String text = InputFiles.readString(file, "optimize spec", "check the path");
        YamlDocument doc = YamlDocument.parse(file, text);
        Problems problems = new Problems();
        SpecNode root = doc.root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        List<String> keys = new ArrayList<>(Target.KEYS);
        keys.addAll(OWN_KEYS);
        root.allowOnly(keys);
        Path base = file.toAbsolutePath().getParent();
        Target target = Target.read(root, base);
        Objective objective = objective(root.child("objective"));
        List<HardLimit> limits = limits(root.child("limits"));
        long budget = root.longAtLeast("budget", 2000, 1);
        long seed = root.longValue("seed", 1);
        Path output = Path.of(root.string("output", "runs/optimize"));
        if (!output.isAbsolute()) output = base.resolve(output);
        problems.throwIfAny();
        return new OptimizeSpec(file.toString(), SweepSpecs.sha256(text), target, objective, limits, budget, seed,
                output.toAbsolutePath().normalize());
    }

    private static Objective objective(SpecNode node) {
        if (node.isMissing()) return Objective.of(Metrics.Name.EDP);
        Map<Metrics.Name, Double> weights = new LinkedHashMap<>();
        if (node.isObject()) {
            for (String k : node.keys()) {
                Optional<Metrics.Name> m = minimizable(k);
                double w = node.number(k, 1);
                if (m.isEmpty()) node.problem(k, "unknown objective metric '" + k + "'; use latency, energy, edp or area");
                else if (!(w > 0)) node.problem(k, "weight must be > 0 (found " + w + ")");
                else weights.put(m.get(), w);
            }
        } else {
            Object o = node.scalar();
            Optional<Metrics.Name> m = o == null ? Optional.empty() : minimizable(o.toString());
            if (m.isEmpty()) {
                if (o != null) node.problem("unknown objective '" + o + "'; use latency, energy, edp, area or {metric: weight, ...}");
            } else {
                weights.put(m.get(), 1.0);
            }
        }
        return weights.isEmpty() ? Objective.of(Metrics.Name.EDP) : new Objective(weights);
    }

    private static Optional<Metrics.Name> minimizable(String s) {
        return Metrics.Name.parse(s).filter(m -> m != Metrics.Name.FPS);
    }

    private static List<HardLimit> limits(SpecNode node) {
        return HardLimit.read(node, HardLimit.NAMES_WITH_EDP);
    }
}
