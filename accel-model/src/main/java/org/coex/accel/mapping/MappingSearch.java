package org.coex.accel.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.coex.accel.nest.Architecture;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;
import org.coex.accel.nest.LevelMapping;
import org.coex.accel.nest.Loop;
import org.coex.accel.nest.Mapping;
import org.coex.accel.nest.NestAnalysis;
import org.coex.accel.nest.NestResult;

/**
 * Finds a good legal mapping of a convolution onto an architecture within a {@link MapSpace}. When
 * the map space has at most {@value #EXHAUSTIVE_PLANS} legal tilings, every one is costed with every
 * listed loop order (the optimum of the space). Otherwise it searches in stages, each exhaustive over
 * its own choices with capacity pruning and bounded in what it passes on:
 * <ol>
 *   <li>spatial factors (divisors, within each axis's size): the {@value #SPATIAL_KEEP} with the most
 *       busy PEs;</li>
 *   <li>temporal factors of the inner levels (register files), each level's kept tiles within its
 *       capacity: the {@value #INNER_KEEP} best by the metric, the rest of the loops at DRAM;</li>
 *   <li>temporal factors of the global buffer within its capacity (the first {@value #GLB_ENUMERATED}
 *       found, largest factors first): the {@value #GLB_EVALUATED} largest tiles are costed, the
 *       {@value #GLB_KEEP} best kept;</li>
 *   <li>loop orders: {@value #GLB_ORDERS} at the global buffer and four at DRAM (each of K, C, P, Q
 *       innermost).</li>
 * </ol>
 * Deterministic: candidates are enumerated and ranked in a fixed order, ties broken by that order.
 * The map space's factor bounds, loop-order constraints and minimum utilization (Timeloop's mapspace
 * constraints) are honoured; each stage drops the candidates that can no longer meet a fixed or
 * minimum factor, so its cuts do not lose a constrained space. Several metrics are minimized in turn.
 */
public final class MappingSearch {
    static final int SPATIAL_KEEP = 2;
    static final int INNER_KEEP = 2;
    static final int GLB_ENUMERATED = 1024;
    static final int GLB_EVALUATED = 16;
    static final int GLB_KEEP = 2;
    static final int GLB_ORDERS = 2;
    static final int EXHAUSTIVE_PLANS = 150;
    private static final List<List<Dim>> ORDERS = List.of(
            List.of(Dim.K, Dim.N, Dim.P, Dim.Q, Dim.C, Dim.R, Dim.S),
            List.of(Dim.C, Dim.R, Dim.S, Dim.K, Dim.N, Dim.P, Dim.Q),
            List.of(Dim.P, Dim.Q, Dim.N, Dim.K, Dim.C, Dim.R, Dim.S),
            List.of(Dim.Q, Dim.P, Dim.N, Dim.C, Dim.K, Dim.R, Dim.S));

    /**
     * The chosen mapping, its cost, how many mappings were costed, and whether every legal tiling
     * (with every listed loop order) was costed, so that the mapping is the optimum of the map space.
     */
    public record Result(Mapping mapping, NestResult cost, int evaluated, boolean exhaustive) {}

    private final ConvProblem problem;
    private final Architecture arch;
    private final MapSpace space;
    /** Minimized in turn: the first, then the next among mappings equal in the first, and so on (Timeloop's optimization metrics). */
    private final Comparator<NestResult> goal;
    private final int glb;
    private final int dram;
    private int evaluated;

    private MappingSearch(ConvProblem problem, Architecture arch, MapSpace space, List<Metric> metrics) {
        this.problem = problem;
        this.arch = arch;
        this.space = space;
        Comparator<NestResult> g = Comparator.comparingDouble(metrics.get(0)::of);
        for (Metric m : metrics.subList(1, metrics.size())) g = g.thenComparingDouble(m::of);
        this.goal = g;
        this.dram = arch.levels().size() - 1;
        this.glb = dram - 1;
    }

    /** The best mapping found, or empty when no legal mapping exists (nothing fits the buffers). */
    public static Optional<Result> search(ConvProblem problem, Architecture arch, MapSpace space, Metric metric) {
        return search(problem, arch, space, List.of(metric));
    }

    /** The best mapping found by the first metric, ties broken by the next ones; empty when no legal mapping exists. */
    public static Optional<Result> search(ConvProblem problem, Architecture arch, MapSpace space, List<Metric> metrics) {
        if (metrics.isEmpty()) throw new IllegalArgumentException("give at least one metric");
        if (space.levels().size() != arch.levels().size()) {
            throw new IllegalArgumentException("the map space has " + space.levels().size() + " levels, the architecture "
                    + arch.levels().size());
        }
        return new MappingSearch(problem, arch, space, metrics).run();
    }

    /** Loop factors per level and dimension while a candidate is built. */
    private record Plan(int[][] temporal, int[][] spatialX, int[][] spatialY) {
        static Plan empty(int levels) {
            return new Plan(ones(levels), ones(levels), ones(levels));
        }

        private static int[][] ones(int levels) {
            int[][] a = new int[levels][Dim.values().length];
            for (int[] row : a) java.util.Arrays.fill(row, 1);
            return a;
        }

        Plan copy() {
            return new Plan(deep(temporal), deep(spatialX), deep(spatialY));
        }

        private static int[][] deep(int[][] a) {
            int[][] b = new int[a.length][];
            for (int i = 0; i < a.length; i++) b[i] = a[i].clone();
            return b;
        }

        int used(Dim d) {
            int u = 1;
            for (int i = 0; i < temporal.length; i++) u *= temporal[i][d.ordinal()] * spatialX[i][d.ordinal()] * spatialY[i][d.ordinal()];
            return u;
        }

        long busy() {
            long b = 1;
            for (int i = 0; i < temporal.length; i++) for (int d = 0; d < Dim.values().length; d++) b *= spatialX[i][d] * spatialY[i][d];
            return b;
        }
    }

    private record Scored(Plan plan, Mapping mapping, NestResult cost) {}

    private boolean better(Scored a, Scored b) { return b == null || goal.compare(a.cost(), b.cost()) < 0; }

    private Optional<Result> run() {
        List<Plan> spatial = new ArrayList<>();
        enumerateSpatial(Plan.empty(arch.levels().size()), slots(), 0, spatial);
        spatial.removeIf(p -> !fitsFrom(p, 0) || !spatialWithinBounds(p) || !temporalBoundsReachable(p, 0)
                || p.busy() < space.minUtilization() * arch.macInstances());
        spatial.sort(Comparator.comparingLong(Plan::busy).reversed());
        Optional<Result> all = exhaustive(spatial);
        if (all.isPresent()) return all;
        Scored best = null;
        for (Plan s : spatial.subList(0, Math.min(SPATIAL_KEEP, spatial.size()))) {
            List<Plan> inner = new ArrayList<>();
            enumerateTemporal(s, 0, glb, 0, inner, Integer.MAX_VALUE);
            inner.removeIf(p -> !temporalBoundsReachable(p, glb));
            for (Scored in : top(inner, INNER_KEEP, Integer.MAX_VALUE, false)) {
                List<Plan> buffer = new ArrayList<>();
                enumerateTemporal(in.plan(), glb, glb + 1, 0, buffer, GLB_ENUMERATED);
                buffer.removeIf(p -> !temporalWithinBounds(p));
                for (Scored g : top(largestFirst(buffer), GLB_KEEP, GLB_EVALUATED, true)) {
                    for (List<Dim> glbOrder : ORDERS.subList(0, GLB_ORDERS)) {
                        for (List<Dim> dramOrder : ORDERS) {
                            Scored c = score(g.plan(), glbOrder, dramOrder, true);
                            if (c != null && better(c, best)) best = c;
                        }
                    }
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Result(best.mapping(), best.cost(), evaluated, false));
    }

    /**
     * Costs every legal tiling with every loop order when there are at most {@value #EXHAUSTIVE_PLANS}
     * tilings; empty when there are more (the staged search takes over) or none.
     */
    private Optional<Result> exhaustive(List<Plan> spatial) {
        List<Plan> complete = new ArrayList<>();
        for (Plan s : spatial) {
            List<Plan> inner = new ArrayList<>();
            enumerateTemporal(s, 0, glb, 0, inner, EXHAUSTIVE_PLANS + 1);
            for (Plan in : inner) {
                enumerateTemporal(in, glb, glb + 1, 0, complete, EXHAUSTIVE_PLANS + 1);
                if (complete.size() > EXHAUSTIVE_PLANS) return Optional.empty();
            }
        }
        Scored best = null;
        for (Plan p : complete) {
            for (List<Dim> glbOrder : ORDERS) {
                for (List<Dim> dramOrder : ORDERS) {
                    Scored c = score(p, glbOrder, dramOrder, true);
                    if (c != null && better(c, best)) best = c;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Result(best.mapping(), best.cost(), evaluated, true));
    }

    /** The {@code keep} best plans by the metric (DRAM takes the rest, default order), costing at most {@code limit}. */
    private List<Scored> top(List<Plan> plans, int keep, int limit, boolean complete) {
        List<Scored> scored = new ArrayList<>();
        for (Plan p : plans.subList(0, Math.min(limit, plans.size()))) {
            Scored s = score(p, ORDERS.get(0), ORDERS.get(0), complete);
            if (s != null) scored.add(s);
        }
        scored.sort((a, b) -> goal.compare(a.cost(), b.cost()));
        return scored.subList(0, Math.min(keep, scored.size()));
    }

    /**
     * Completes a plan (the rest of every dimension at DRAM) and costs it. With {@code complete}, null
     * unless every level's temporal factors are within its bounds; a plan still being built is costed
     * regardless, to rank it.
     */
    private Scored score(Plan plan, List<Dim> glbOrder, List<Dim> dramOrder, boolean complete) {
        if (complete && !temporalWithinBounds(plan)) return null;
        Plan full = plan.copy();
        for (Dim d : Dim.values()) full.temporal()[dram][d.ordinal()] = problem.bound(d) / plan.used(d);
        Mapping m = toMapping(full, glbOrder, dramOrder);
        NestResult r = NestAnalysis.evaluateLegal(problem, arch, m);   // legal by construction: factors, fan-out, capacity
        evaluated++;
        return new Scored(plan, m, r);
    }

    private Mapping toMapping(Plan p, List<Dim> glbOrder, List<Dim> dramOrder) {
        List<LevelMapping> levels = new ArrayList<>();
        for (int i = 0; i < arch.levels().size(); i++) {
            List<Dim> order = space.levels().get(i).order(i == dram ? dramOrder : i == glb ? glbOrder : ORDERS.get(0));
            List<Loop> temporal = new ArrayList<>();
            for (Dim d : order) if (p.temporal()[i][d.ordinal()] > 1) temporal.add(new Loop(d, p.temporal()[i][d.ordinal()], Loop.Kind.TEMPORAL));
            List<Loop> spatial = new ArrayList<>();
            for (Dim d : Dim.values()) if (p.spatialX()[i][d.ordinal()] > 1) spatial.add(new Loop(d, p.spatialX()[i][d.ordinal()], Loop.Kind.SPATIAL_X));
            for (Dim d : Dim.values()) if (p.spatialY()[i][d.ordinal()] > 1) spatial.add(new Loop(d, p.spatialY()[i][d.ordinal()], Loop.Kind.SPATIAL_Y));
            levels.add(new LevelMapping(temporal, spatial, space.levels().get(i).keep()));
        }
        return new Mapping(levels);
    }

    /** A spatial slot: level, axis (true = X) and dimension. */
    private record Slot(int level, boolean x, Dim dim) {}

    private List<Slot> slots() {
        List<Slot> out = new ArrayList<>();
        for (int i = 0; i < space.levels().size(); i++) {
            LevelSpace ls = space.levels().get(i);
            for (Dim d : Dim.values()) if (ls.spatialX().contains(d)) out.add(new Slot(i, true, d));
            for (Dim d : Dim.values()) if (ls.spatialY().contains(d)) out.add(new Slot(i, false, d));
        }
        return out;
    }

    private void enumerateSpatial(Plan p, List<Slot> slots, int k, List<Plan> out) {
        if (k == slots.size()) {
            out.add(p.copy());
            return;
        }
        Slot s = slots.get(k);
        LevelSpace ls = space.levels().get(s.level());
        int[][] axis = s.x() ? p.spatialX() : p.spatialY();
        int axisUsed = 1;
        for (int f : axis[s.level()]) axisUsed *= f;
        int cap = (s.x() ? ls.maxX() : ls.maxY()) / axisUsed;
        int remaining = problem.bound(s.dim()) / p.used(s.dim());
        boolean onOtherAxis = !s.x() && p.spatialX()[s.level()][s.dim().ordinal()] > 1;   // one axis per dimension (Timeloop's rule)
        for (int f : divisorsDescending(remaining)) {
            if (f > cap || (onOtherAxis && f > 1) || f > ls.spatialMax().getOrDefault(s.dim(), Integer.MAX_VALUE)) continue;
            axis[s.level()][s.dim().ordinal()] = f;
            enumerateSpatial(p, slots, k + 1, out);
            axis[s.level()][s.dim().ordinal()] = 1;
        }
    }

    /** Whether every level's temporal factors, DRAM's being the rest of each dimension, are within the level's bounds. */
    private boolean temporalWithinBounds(Plan p) {
        for (int i = 0; i <= dram; i++) {
            for (Dim d : Dim.values()) {
                int f = i == dram ? problem.bound(d) / p.used(d) : p.temporal()[i][d.ordinal()];
                if (!space.levels().get(i).allows(d, f, false)) return false;
            }
        }
        return true;
    }

    /**
     * Whether the temporal factors still open (levels {@code from} and above) can meet their lower
     * bounds: what is left of each dimension is divisible by the factors fixed there and at least the
     * product of their minimums.
     */
    private boolean temporalBoundsReachable(Plan p, int from) {
        for (Dim d : Dim.values()) {
            long left = problem.bound(d) / p.used(d);
            long fixed = 1;
            long least = 1;
            for (int i = from; i < space.levels().size(); i++) {
                LevelSpace ls = space.levels().get(i);
                int min = ls.temporalMin().getOrDefault(d, 1);
                least *= min;
                if (min == ls.temporalMax().getOrDefault(d, Integer.MAX_VALUE)) fixed *= min;
            }
            if (left % fixed != 0 || left < least) return false;
        }
        return true;
    }

    /** Whether every level's spatial factor of every dimension (X times Y) is within the level's bounds. */
    private boolean spatialWithinBounds(Plan p) {
        for (int i = 0; i < space.levels().size(); i++) {
            for (Dim d : Dim.values()) {
                if (!space.levels().get(i).allows(d, p.spatialX()[i][d.ordinal()] * p.spatialY()[i][d.ordinal()], true)) return false;
            }
        }
        return true;
    }

    /** Temporal factors for levels [from, to), dimension by dimension, pruning on capacity. */
    private void enumerateTemporal(Plan p, int level, int to, int dim, List<Plan> out, int limit) {
        if (out.size() >= limit) return;
        if (level == to) {
            out.add(p.copy());
            return;
        }
        if (dim == Dim.values().length) {
            if (fitsFrom(p, level)) enumerateTemporal(p, level + 1, to, 0, out, limit);
            return;
        }
        Dim d = Dim.values()[dim];
        if (!space.levels().get(level).temporal().contains(d)) {
            enumerateTemporal(p, level, to, dim + 1, out, limit);
            return;
        }
        int remaining = problem.bound(d) / p.used(d);
        for (int f : divisorsDescending(remaining)) {
            if (!space.levels().get(level).allows(d, f, false)) continue;
            p.temporal()[level][d.ordinal()] = f;
            if (fitsFrom(p, level)) enumerateTemporal(p, level, to, dim + 1, out, limit);
            p.temporal()[level][d.ordinal()] = 1;
        }
    }

    /**
     * Whether the kept tiles fit at this level and every level above it up to the global buffer:
     * an outer tile contains the inner loops, so a loop placed low must fit high up too.
     */
    private boolean fitsFrom(Plan p, int level) {
        for (int i = level; i <= glb; i++) {
            long size = arch.levels().get(i).sizeWords();
            if (size != 0 && !arch.levels().get(i).dummy() && footprint(p, i) > size) return false;
        }
        return true;
    }

    /** Words of the kept tiles of one level. */
    private long footprint(Plan p, int level) {
        int[] ext = new int[Dim.values().length];
        for (int d = 0; d < ext.length; d++) {
            int e = 1;
            for (int i = 0; i <= level; i++) e *= p.temporal()[i][d] * p.spatialX()[i][d] * p.spatialY()[i][d];
            ext[d] = e;
        }
        long used = 0;
        for (DataSpace ds : space.levels().get(level).keep()) used += problem.tileSize(ds, ext);
        return used;
    }

    /** Global-buffer plans by decreasing footprint (bigger tiles, fewer DRAM refetches), stable. */
    private List<Plan> largestFirst(List<Plan> plans) {
        long[] size = new long[plans.size()];
        Integer[] order = new Integer[plans.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            size[i] = footprint(plans.get(i), glb);
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(size[b], size[a]));
        List<Plan> out = new ArrayList<>(order.length);
        for (int i : order) out.add(plans.get(i));
        return out;
    }

    static List<Integer> divisorsDescending(int n) {
        List<Integer> out = new ArrayList<>();
        for (int f = n; f >= 1; f--) if (n % f == 0) out.add(f);
        return out;
    }
}
