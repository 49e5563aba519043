package org.coex.hdx;

import java.util.ArrayList;
import java.util.List;

/**
 * HDX for one search: its hard constraints, a {@link DeltaSchedule} each, and the projection applied
 * at every architecture step. Constraints are handled in relative units (value / bound, gradient /
 * bound), so one delta schedule suits latency in ms and area in mm^2 alike: with learning rate eta a
 * step lowers each violated constraint's value by about eta * delta * bound. Mutable (the deltas);
 * checkpoint {@link #deltas()} and {@link #restore} them.
 */
public final class ConstraintGuard {
    private final List<HardConstraint> constraints;
    private final List<DeltaSchedule> schedules = new ArrayList<>();

    /** What one step did: which constraints were violated, the deltas enforced, and the projection. */
    public record Step(boolean[] violated, double[] delta, Projection projection) {
        public double[] gradient() { return projection.gradient(); }

        public boolean anyViolated() {
            for (boolean v : violated) if (v) return true;
            return false;
        }
    }

    public ConstraintGuard(List<HardConstraint> constraints, double initialDelta, double growth) {
        if (constraints.size() > GradientProjector.MAX_CONSTRAINTS) {
            throw new IllegalArgumentException("at most " + GradientProjector.MAX_CONSTRAINTS + " hard constraints, found " + constraints.size());
        }
        this.constraints = List.copyOf(constraints);
        for (int k = 0; k < constraints.size(); k++) schedules.add(new DeltaSchedule(initialDelta, growth));
    }

    public List<HardConstraint> constraints() { return constraints; }

    /**
     * One architecture step.
     *
     * @param g         gradient of the objective (loss + lambda * cost) with respect to alpha
     * @param values    each constraint's current metric value
     * @param gradients each constraint's metric gradient with respect to alpha
     * @return g untouched when nothing is violated; otherwise the projection over the violated constraints
     */
    public Step apply(double[] g, double[] values, double[][] gradients) {
        int m = constraints.size();
        if (values.length != m || gradients.length != m) {
            throw new IllegalArgumentException(m + " constraints but " + values.length + " values and " + gradients.length + " gradients");
        }
        boolean[] violated = new boolean[m];
        double[] delta = new double[m];
        List<Integer> active = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            violated[k] = constraints.get(k).isViolatedBy(values[k]);
            double d = schedules.get(k).next(violated[k]);
            if (violated[k]) {
                delta[k] = d;
                active.add(k);
            }
        }
        if (active.isEmpty()) return new Step(violated, delta, new Projection(g, new double[m], List.of(), List.of()));
        double[][] h = new double[active.size()][];
        double[] need = new double[active.size()];
        for (int a = 0; a < active.size(); a++) {
            int k = active.get(a);
            double bound = constraints.get(k).bound();
            h[a] = new double[gradients[k].length];
            for (int i = 0; i < h[a].length; i++) h[a][i] = gradients[k][i] / bound;
            need[a] = delta[k];
        }
        Projection p = GradientProjector.project(g, h, need);
        double[] lambda = new double[m];
        List<Integer> unenforceable = new ArrayList<>();
        List<Integer> conflicting = new ArrayList<>();
        for (int a = 0; a < active.size(); a++) lambda[active.get(a)] = p.multipliers()[a];
        for (int a : p.unenforceable()) unenforceable.add(active.get(a));
        for (int a : p.conflicting()) conflicting.add(active.get(a));
        return new Step(violated, delta, new Projection(p.gradient(), lambda, unenforceable, conflicting));
    }

    /** The current delta of every constraint (relative units), for checkpoints. */
    public double[] deltas() { return schedules.stream().mapToDouble(DeltaSchedule::delta).toArray(); }

    public void restore(double[] deltas) {
        if (deltas.length != schedules.size()) throw new IllegalArgumentException(deltas.length + " deltas for " + schedules.size() + " constraints");
        for (int k = 0; k < deltas.length; k++) schedules.get(k).restore(deltas[k]);
    }
}
