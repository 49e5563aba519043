package org.coex.dance.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.util.MathArrays;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.Objective;
import org.coex.evaluator.api.Evaluator;
import org.coex.hdx.ConstraintGuard;
import org.coex.hdx.HardConstraint;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;
import org.coex.nas.supernet.TorchScalars;
import org.coex.nas.train.ArchitectureObjective;
import org.nd4j.common.util.ArrayUtil;

/**
 * DANCE's architecture objective, with HDX when there are hard constraints. The cost added to the
 * cross-entropy is
 * <pre>  lambda * sum_m w_m * metric_m(p) / metric_m(uniform p)</pre>
 * with the metrics predicted by an {@link Evaluator} (learned or analytic) from the op probabilities p,
 * so d cost / d alpha flows through the evaluator. When a hard constraint on a predicted metric is
 * violated, the architecture gradient g of cross-entropy + cost is replaced by the {@link ConstraintGuard}'s
 * projection, using h_k = d metric_k / d alpha from one extra backward pass through the evaluator each.
 * Constraint metric names are {@link Metrics.Name} columns (latency_ms, energy_uj, area_mm2, edp_uj_ms).
 * Whether a constraint is violated is decided on the network the {@link Check} names; h_k is always
 * the gradient of the expected (p-weighted) metric, the only one that has a gradient. Under
 * {@link Check#DERIVED} the judged values are those of the exact pair the search returns for the
 * argmax network ({@link #judge}): never the evaluator's differentiable blend over accelerators, which
 * can meet several limits at once that no single accelerator meets.
 *
 * <p>The architecture optimizer is Adam, which moves each alpha by about its learning rate whatever
 * the gradient's size: a projection's magnitude (which grows with delta while a limit resists) buys
 * no speed there, but it inflates Adam's second moments, and in a default-space run that froze alpha
 * for the rest of the search once the limit was met. So a projected gradient longer than g is
 * scaled back to |g|: its direction, which is what steers Adam, still has g'.h_k > 0 for every
 * enforced constraint.
 */
public final class CoExploration implements ArchitectureObjective {
    /** Which network's predicted metrics decide whether a hard constraint is violated. */
    public enum Check {
        /**
         * The argmax of p in every layer on the accelerator the evaluator chooses for it, costed as the
         * final check costs it: the pair the search will return (the spec's default).
         */
        DERIVED,
        /**
         * The p-weighted mixture of every layer's candidates. While p is spread its cost lies above
         * that of the network the search will return, so limits are enforced harder than needed.
         */
        EXPECTED
    }

    private final Evaluator evaluator;
    private final Objective objective;
    private final double lambda;
    private final ConstraintGuard guard;
    private final Check check;
    private final ArchEncoding encoding;
    private final List<Metrics.Name> constrained = new ArrayList<>();
    private final double[] reference;
    private ConstraintGuard.Step last;
    private final List<CheckedStep> history = new ArrayList<>();

    /**
     * @param encoding the layout of p; its uniform p (the start of a search) is the cost's reference point
     * @param guard    hard constraints (none: DANCE with a soft cost only)
     * @param check    which network's metrics decide a violation
     */
    public CoExploration(Evaluator evaluator, Objective objective, double lambda, ConstraintGuard guard, Check check, ArchEncoding encoding) {
        if (!(lambda >= 0)) throw new IllegalArgumentException("lambda must be >= 0, found " + lambda);
        this.evaluator = evaluator;
        this.objective = objective;
        this.lambda = lambda;
        this.guard = guard;
        this.check = check;
        this.encoding = encoding;
        for (HardConstraint c : guard.constraints()) {
            constrained.add(Metrics.Name.parse(c.metric()).filter(n -> n != Metrics.Name.FPS).orElseThrow(() -> new IllegalArgumentException(
                    "unknown constraint metric '" + c.metric() + "'; use latency_ms, energy_uj, area_mm2 or edp_uj_ms")));
        }
        List<Metrics.Name> names = List.copyOf(objective.weights().keySet());
        this.reference = new double[names.size()];
        try (NDManager m = NDManager.newBaseManager()) {
            Evaluator.Prediction p = evaluator.forward(m.create(ArrayUtil.toFloats(encoding.uniform())));
            for (int i = 0; i < names.size(); i++) reference[i] = p.metric(names.get(i)).getFloat();
        }
    }

    @Override public NDArray cost(NDArray probabilities) {
        Evaluator.Prediction p = evaluator.forward(probabilities);
        NDArray total = probabilities.getManager().zeros(new ai.djl.ndarray.types.Shape(1));
        int i = 0;
        for (Map.Entry<Metrics.Name, Double> w : objective.weights().entrySet()) {
            total = total.add(TorchScalars.times(p.metric(w.getKey()), lambda * w.getValue() / reference[i++]));
        }
        return total.sum();
    }

    @Override public double[] adjust(double[] gradient, double[] probabilities, Differentiator differentiator) {
        int m = constrained.size();
        Architecture network = encoding.argmax(probabilities);
        Judgement returned = m > 0 ? judge(network) : null;
        double[] values = check == Check.DERIVED && m > 0 ? returned.values() : new double[m];
        double[][] h = new double[m][];
        for (int k = 0; k < m; k++) {
            Metrics.Name name = constrained.get(k);
            Derivative d = differentiator.of(p -> evaluator.forward(p).metric(name).sum());
            if (check == Check.EXPECTED) values[k] = d.value();
            h[k] = d.gradient();
            EvaluatorNotFinite.check(name.column() + " gradient", h[k]);
        }
        for (int k = 0; k < m; k++) EvaluatorNotFinite.check(constrained.get(k).column(), values[k]);
        EvaluatorNotFinite.check("objective gradient", gradient);
        last = guard.apply(gradient, values, h);
        history.add(new CheckedStep(network, values, last.violated(), m > 0 && returned.withinLimits()));
        return boundedBy(last.gradient(), gradient);
    }

    /**
     * The pair a search returns for {@code network}, judged as the final check judges it: the
     * evaluator's hard choice of accelerator ({@link Evaluator#predict}: for the analytic evaluator
     * the exact best configuration and its exact metrics, for a learned one its generator's argmax),
     * with the constrained metrics in constraint order.
     */
    public Judgement judge(Architecture network) {
        Evaluator.Choice choice = evaluator.predict(network);
        double[] values = new double[constrained.size()];
        boolean[] violated = new boolean[values.length];
        boolean within = true;
        for (int k = 0; k < values.length; k++) {
            HardConstraint c = guard.constraints().get(k);
            values[k] = choice.metrics().get(constrained.get(k));
            violated[k] = c.isViolatedBy(values[k]);
            within &= c.isMetBy(values[k]);
        }
        return new Judgement(network, choice, values, violated, within);
    }

    /**
     * One network judged: the evaluator's choice for it, the constrained metrics (constraint order),
     * which ones HDX counts as violated (above (1 - margin) * bound) and whether every limit itself holds.
     */
    public record Judgement(Architecture network, Evaluator.Choice choice, double[] values, boolean[] violated, boolean withinLimits) {}

    /**
     * What one architecture step checked: the argmax network, the constrained metrics the {@link Check}
     * judged, which counted as violated, and whether the pair the search would return for that network
     * (the evaluator's hard choice) met every limit.
     */
    public record CheckedStep(Architecture network, double[] values, boolean[] violated, boolean withinLimits) {}

    /**
     * {@code projected} scaled down to the norm of {@code original} when longer (and original is not
     * zero). The norms are taken without overflow: a projection under a large delta has entries whose
     * squares exceed the double range.
     */
    static double[] boundedBy(double[] projected, double[] original) {
        double a = MathArrays.safeNorm(projected);
        double b = MathArrays.safeNorm(original);
        if (!(a > b) || b == 0) return projected;
        double[] out = projected.clone();
        for (int i = 0; i < out.length; i++) out[i] *= b / a;
        return out;
    }

    /** What the guard checked at every architecture step since the last call; clears them. */
    public List<CheckedStep> drainHistory() {
        List<CheckedStep> out = List.copyOf(history);
        history.clear();
        return out;
    }

    /** What the last architecture step did (null before the first). */
    public ConstraintGuard.Step lastStep() { return last; }

    public ConstraintGuard guard() { return guard; }
}
