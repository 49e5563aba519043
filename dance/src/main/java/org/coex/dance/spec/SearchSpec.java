package org.coex.dance.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.coex.accel.cluster.ClusterSettings;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.dance.loop.CoExploration;
import org.coex.hdx.HardConstraint;
import org.coex.nas.run.NasSpec;

/**
 * A validated {@code coex search} spec: the supernet search (nas settings), the hardware (template,
 * technology, design space), the evaluator ("analytic" or a folder written by {@code coex evaluator
 * train}), the objective and its weight lambda, the hard limits, HDX settings, the method, retraining
 * epochs and training images (0 = all), the output folder, and for {@code fixed-hw} the accelerator (a point of the design space; else null);
 * how the evaluator chooses hardware and whether the final check repairs it ({@link #hardwareChoice}, {@link #repair});
 * where {@code coex compare} runs its searches ({@code cluster: {master, conf}}; empty: here).
 */
public record SearchSpec(String source, NasSpec search, AcceleratorTemplate template, TechnologyTable technology, String technologyName,
                         DesignSpace designSpace, EvaluatorChoice evaluator, Objective objective, double lambda, List<HardLimit> limits,
                         Hdx hdx, Method method, int retrainEpochs, int retrainImages, long repairBudget, Path output,
                         HwConfig fixedHardware, HardwareChoice hardwareChoice, boolean repair, Optional<ClusterSettings> cluster) {

    /**
     * How a network's accelerator is chosen during the search and for the returned network (and, for
     * {@code sequential}, after its hardware-unaware search): {@link #OBJECTIVE}, DANCE as published,
     * the configuration best for the objective, the limits left out of the choice; or
     * {@link #WITHIN_LIMITS}, the objective-best among those within every limit (coex's default).
     */
    public enum HardwareChoice {
        OBJECTIVE, WITHIN_LIMITS;

        /** objective, within-limits. */
        public String spelling() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

        public static java.util.Optional<HardwareChoice> parse(String s) {
            for (HardwareChoice c : values()) if (c.spelling().equals(s.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))) return java.util.Optional.of(c);
            return java.util.Optional.empty();
        }
    }

    /** The limits the hardware choice honours: none when choosing by the objective alone. */
    public List<HardLimit> choiceLimits() { return hardwareChoice == HardwareChoice.OBJECTIVE ? List.of() : limits; }

    /** This spec with another hardware choice and repair setting (the two ways a comparison runs every method). */
    public SearchSpec withHardwareChoice(HardwareChoice choice, boolean repairs) {
        return new SearchSpec(source, search, template, technology, technologyName, designSpace, evaluator, objective, lambda, limits, hdx, method,
                retrainEpochs, retrainImages, repairBudget, output, fixedHardware, choice, repairs, cluster);
    }

    /**
     * hdx: DANCE + HDX's projection; soft: DANCE's cost only; sequential: a hardware-unaware search, then
     * the best accelerator for its network under the limits by exact search (the classic two-step baseline);
     * fixed-hw: hardware-aware NAS on one given accelerator ({@code hardware.fixed}), its expected cost
     * linear in the op probabilities (the lookup-table baseline).
     */
    public enum Method {
        HDX, SOFT, SEQUENTIAL, FIXED_HW;

        /** The spelling in specs and on the command line: hdx, soft, sequential, fixed-hw. */
        public String spelling() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

        public static java.util.Optional<Method> parse(String s) {
            for (Method m : values()) if (m.spelling().equals(s.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))) return java.util.Optional.of(m);
            return java.util.Optional.empty();
        }
    }

    /** This spec with another method, lambda, limits and output folder (one run of a comparison). */
    public SearchSpec with(Method m, double lambdaValue, List<HardLimit> limitSet, Path out) {
        return new SearchSpec(source, search, template, technology, technologyName, designSpace, evaluator, objective, lambdaValue, List.copyOf(limitSet),
                hdx, m, retrainEpochs, retrainImages, repairBudget, out, fixedHardware, hardwareChoice, repair, cluster);
    }

    /** This spec with other search settings (e.g. another data folder). */
    public SearchSpec withSearch(NasSpec other) {
        return new SearchSpec(source, other, template, technology, technologyName, designSpace, evaluator, objective, lambda, limits, hdx, method,
                retrainEpochs, retrainImages, repairBudget, output, fixedHardware, hardwareChoice, repair, cluster);
    }

    /**
     * "analytic" (path null), or a learned evaluator's folder (absolute) with the samples and epochs to
     * train one there when it holds none yet.
     */
    public record EvaluatorChoice(String path, int samples, int epochs) {
        public static final EvaluatorChoice ANALYTIC = new EvaluatorChoice(null, 0, 0);

        public boolean analytic() { return path == null; }

        @Override public String toString() { return analytic() ? "analytic" : path; }
    }

    /** HDX settings: margin inside each limit, initial delta (relative units), its growth factor, and which network a violation is judged on. */
    public record Hdx(double margin, double delta, double growth, CoExploration.Check check) {}

    /**
     * What the checkpointed search depends on, so that only the same search resumes it
     * ({@link org.coex.nas.run.RunFolder}): the nas settings and, but for {@code sequential} (whose
     * search sees no hardware, so one serves every limit set of a comparison), the method, hardware,
     * evaluator, objective, lambda, limits (but for {@code soft} choosing the hardware by the objective
     * alone, which never sees them) and HDX settings. Retraining and repair settings act after
     * the search and may change on resume.
     */
    public java.util.Map<String, Object> settings() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(search.settings());
        m.put("method", method.spelling());
        if (method == Method.SEQUENTIAL) return m;
        if (hardwareChoice != HardwareChoice.WITHIN_LIMITS) m.put("hardware_choice", hardwareChoice.spelling());
        m.put("template", template.name());
        m.put("technology", technologyName);
        m.put("design_space", designSpace.toString());
        if (fixedHardware != null) m.put("fixed_hardware", fixedHardware.toString());
        m.put("evaluator", evaluator.toString());
        m.put("objective", objective.toString());
        m.put("lambda", lambda);
        if (method != Method.SOFT || hardwareChoice != HardwareChoice.OBJECTIVE) m.put("limits", limits.toString());
        m.put("hdx", hdx.toString());
        return m;
    }

    /** The limits as HDX constraints on evaluator metrics (a frame-rate floor becomes a latency ceiling); none but for {@code hdx}. */
    public List<HardConstraint> constraints() {
        return method == Method.HDX ? constraints(limits, hdx.margin()) : List.of();
    }

    /** Limits as HDX constraints with a margin: a frame-rate floor fps >= F becomes latency_ms <= 1000 / F. */
    public static List<HardConstraint> constraints(List<HardLimit> limits, double margin) {
        return limits.stream().map(l -> l.metric() == org.coex.accel.cost.Metrics.Name.FPS
                ? new HardConstraint("latency_ms", 1000.0 / l.bound(), margin)
                : new HardConstraint(l.metric().column(), l.bound(), margin)).toList();
    }
}
