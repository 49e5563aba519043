package org.coex.accel.optimize;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.workload.Network;

/**
 * A constrained hardware optimization: the best point of {@code space} (with {@code fixed}
 * parameters) minimizing {@code objective} under {@code limits}, where a {@link Coster} gives each
 * configuration's metrics (usually a network on a template). Evaluates each configuration once
 * (memoized) and counts distinct evaluations.
 */
public final class OptimizeProblem {
    /** The metrics of a configuration (grid index and values); throws IllegalArgumentException to refuse it. */
    @FunctionalInterface
    public interface Coster {
        Metrics cost(long index, HwConfig config);
    }

    private final Coster coster;
    private final DesignSpace space;
    private final HwConfig fixed;
    private final Objective objective;
    private final List<HardLimit> limits;
    private final Map<Long, Candidate> memo = new ConcurrentHashMap<>();
    private final AtomicLong evaluations = new AtomicLong();
    private long evaluationLimit = Long.MAX_VALUE;
    private Runnable onBudgetExhausted = () -> { };

    /** {@code network} on {@code template}: accel-model's cost of the whole network. */
    public OptimizeProblem(Network network, AcceleratorTemplate template, TechnologyTable technology, DesignSpace space,
                           HwConfig fixed, Objective objective, List<HardLimit> limits) {
        this((index, config) -> template.configure(config, technology).evaluate(network).metrics(), space, fixed, objective, limits);
    }

    public OptimizeProblem(Coster coster, DesignSpace space, HwConfig fixed, Objective objective, List<HardLimit> limits) {
        this.coster = coster;
        this.space = space;
        this.fixed = fixed;
        this.objective = objective;
        this.limits = List.copyOf(limits);
    }

    public DesignSpace space() { return space; }

    public List<HardLimit> limits() { return limits; }

    public Objective objective() { return objective; }

    /** Distinct configurations costed so far. */
    public long evaluations() { return evaluations.get(); }

    /** At most this many distinct configurations are costed; later new ones are refused (worst score). */
    void limitEvaluations(long limit) { this.evaluationLimit = limit; }

    /** Called once when the last allowed evaluation has been made. */
    void onBudgetExhausted(Runnable action) { this.onBudgetExhausted = action; }

    /** The candidate at a grid index, costed on first use. */
    public Candidate candidate(long index) {
        Candidate known = memo.get(index);
        if (known != null) return known;
        if (evaluations.get() >= evaluationLimit) {
            return new Candidate(index, space.point(index).withAll(fixed), null, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY, "evaluation budget exhausted");
        }
        Candidate c = memo.computeIfAbsent(index, this::evaluate);
        if (evaluations.get() == evaluationLimit) onBudgetExhausted.run();
        return c;
    }

    /** The candidate for one value index per parameter. */
    public Candidate candidate(int[] choice) {
        long idx = 0;
        for (int j = 0; j < choice.length; j++) idx = idx * space.parameters().get(j).size() + choice[j];
        return candidate(idx);
    }

    private Candidate evaluate(long index) {
        evaluations.incrementAndGet();
        HwConfig config = space.point(index).withAll(fixed);
        try {
            Metrics m = coster.cost(index, config);
            double violation = 0;
            for (HardLimit l : limits) violation += l.violation(m);
            return new Candidate(index, config, m, violation, objective.value(m), null);
        } catch (IllegalArgumentException e) {
            return new Candidate(index, config, null, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, e.getMessage());
        }
    }
}
