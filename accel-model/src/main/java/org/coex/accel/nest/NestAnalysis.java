package org.coex.accel.nest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Access counts, cycles and energy of a mapping, computed the way Timeloop's nest analysis counts
 * them (reproduced on Timeloop's eyeriss_like reference runs; docs/validation.md).
 *
 * <p>Level i's <b>tile</b> of a tensor spans the loops of levels &lt;= i (temporal and spatial); an
 * input tile is the bounding box (P-1)*stride + R rows by (Q-1)*stride + S columns. Level i's
 * <b>utilized instances</b> are the product of the spatial loops above it; the instances holding
 * <b>distinct</b> data of a tensor, the product of those spatial loops relevant to it.
 *
 * <p><b>Fills</b> of one instance: walk the temporal loops above the level, innermost first. Loops
 * irrelevant to the tensor before the first relevant one keep the tile in place. The tile is loaded
 * once per iteration of the first relevant loop and every loop outside it. When that first relevant
 * loop is the innermost loop above and slides an input window (P, R along rows; Q, S along columns),
 * each further iteration loads only the rows (columns) it has not seen: min(extent, step * stride)
 * of them, where step is the product of that dimension's factors inside the loop. For outputs, the
 * first touch of each element needs no fill: fills = loads - distinct outputs of the instance.
 *
 * <p><b>Reads and updates.</b> The innermost level keeping a tensor serves the MACs: reads (or, for
 * outputs, updates) = computes / (spatial loops irrelevant to it below the level: multicast or
 * spatial reduction); output reads = updates - first touches. A parent serves its nearest child
 * keeping the tensor: reads = child fills, output updates = child loads (drains), both divided by the
 * irrelevant spatial loops between them. The outermost level is never filled.
 *
 * <p><b>Energy</b> (pJ): per tensor, (reads * E<sub>read</sub> + fills * E<sub>write</sub> +
 * updates * E<sub>update</sub>) / words per vector access, plus leakage E<sub>leak</sub> * cycles
 * * utilized instances; MACs: computes * E<sub>compute</sub>.
 */
public final class NestAnalysis {
    private static final int DIMS = Dim.values().length;
    private static final DataSpace[] SPACES = DataSpace.values();

    private final ConvProblem problem;
    private final Architecture arch;
    private final Mapping mapping;
    private final int levels;
    /** ext[i][d]: extent of dimension d over the loops of levels 0..i. */
    private final int[][] ext;
    /** utilized[i]: product of spatial loops above level i; utilized[levels] = 1, index shifted by one. */
    private final long[] utilizedAbove;
    /** spatialAll[i], spatialRel[ds][i]: product of level i's spatial loops (all, relevant to ds). */
    private final long[] spatialAll;
    private final long[][] spatialRel;

    private NestAnalysis(ConvProblem problem, Architecture arch, Mapping mapping) {
        this.problem = problem;
        this.arch = arch;
        this.mapping = mapping;
        this.levels = arch.levels().size();
        this.ext = new int[levels][DIMS];
        this.spatialAll = new long[levels];
        this.spatialRel = new long[SPACES.length][levels];
        int[] running = new int[DIMS];
        java.util.Arrays.fill(running, 1);
        for (int i = 0; i < levels; i++) {
            LevelMapping lm = mapping.levels().get(i);
            for (Loop l : lm.temporal()) running[l.dim().ordinal()] *= l.bound();
            spatialAll[i] = 1;
            for (DataSpace ds : SPACES) spatialRel[ds.ordinal()][i] = 1;
            for (Loop l : lm.spatial()) {
                running[l.dim().ordinal()] *= l.bound();
                spatialAll[i] *= l.bound();
                for (DataSpace ds : SPACES) if (ds.isRelevant(l.dim())) spatialRel[ds.ordinal()][i] *= l.bound();
            }
            ext[i] = running.clone();
        }
        this.utilizedAbove = new long[levels + 1];
        utilizedAbove[levels] = 1;
        for (int i = levels - 1; i >= 0; i--) utilizedAbove[i] = utilizedAbove[i + 1] * spatialAll[i];
    }

    /** @throws IllegalArgumentException naming the problem if the mapping is illegal (see {@link MappingChecks}) */
    public static NestResult evaluate(ConvProblem problem, Architecture arch, Mapping mapping) {
        List<String> problems = MappingChecks.problems(problem, arch, mapping);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return evaluateLegal(problem, arch, mapping);
    }

    /** As {@link #evaluate}, for a caller that guarantees the mapping passes {@link MappingChecks}. */
    public static NestResult evaluateLegal(ConvProblem problem, Architecture arch, Mapping mapping) {
        return new NestAnalysis(problem, arch, mapping).run();
    }

    private NestResult run() {
        long computes = problem.macs();
        long computeCycles = 1;
        for (LevelMapping lm : mapping.levels()) for (Loop l : lm.temporal()) computeCycles *= l.bound();
        Accesses[][] counts = new Accesses[SPACES.length][levels];
        long[][] tiles = new long[SPACES.length][levels];
        for (DataSpace ds : SPACES) analyse(ds, computes, counts[ds.ordinal()], tiles[ds.ordinal()]);

        long cycles = computeCycles;
        long[] levelCycles = new long[levels];
        for (int i = 0; i < levels; i++) {
            long reads = 0;
            long writes = 0;
            for (DataSpace ds : SPACES) {
                Accesses a = counts[ds.ordinal()][i];
                if (a == null) continue;
                reads += a.reads();
                writes += a.fills() + a.updates();
            }
            StorageLevel lv = arch.levels().get(i);
            long utilized = utilizedInstances(i);
            levelCycles[i] = Math.max(bandwidthCycles(reads, utilized, lv.readBandwidth()), bandwidthCycles(writes, utilized, lv.writeBandwidth()));
            cycles = Math.max(cycles, levelCycles[i]);
        }
        LevelResult[] results = new LevelResult[levels];
        for (int i = 0; i < levels; i++) {
            StorageLevel lv = arch.levels().get(i);
            Map<DataSpace, Accesses> acc = new EnumMap<>(DataSpace.class);
            Map<DataSpace, Long> tile = new EnumMap<>(DataSpace.class);
            Map<DataSpace, Double> dynamic = new EnumMap<>(DataSpace.class);
            for (DataSpace ds : SPACES) {
                Accesses a = counts[ds.ordinal()][i];
                if (a == null) continue;
                acc.put(ds, a);
                tile.put(ds, tiles[ds.ordinal()][i]);
                double e = (a.reads() * lv.readPj() + a.fills() * lv.writePj() + a.updates() * lv.updatePj()) / lv.blockWords();
                dynamic.put(ds, lv.dummy() ? 0 : e);
            }
            long utilized = utilizedInstances(i);
            double leak = lv.dummy() || acc.isEmpty() ? 0 : lv.leakPj() * cycles * utilized;
            results[i] = new LevelResult(lv.name(), utilized, acc, tile, dynamic, leak, levelCycles[i]);
        }
        return new NestResult(computes, computeCycles, cycles, utilizedInstances(-1), computes * arch.macPj(), List.of(results));
    }

    private static long bandwidthCycles(long words, long instances, double bandwidth) {
        if (bandwidth <= 0 || instances == 0) return 0;
        return (long) Math.ceil(words / (double) instances / bandwidth);
    }

    /** Counts for one tensor at every level that keeps it (the outermost level always keeps it). */
    private void analyse(DataSpace ds, long computes, Accesses[] out, long[] tilesOut) {
        long[] loads = new long[levels];
        long[] fills = new long[levels];
        int child = -1;
        for (int i = 0; i < levels; i++) {
            boolean top = i == levels - 1;
            if (!top && !mapping.levels().get(i).keep().contains(ds)) continue;
            long tile = problem.tileSize(ds, ext[i]);
            tilesOut[i] = tile;
            long firstTouch = ds.isReadWrite() ? problem.size(ds) / distinctInstances(ds, i) : 0;
            loads[i] = top ? tile : loads(ds, i, tile);
            fills[i] = top ? 0 : (loads[i] - firstTouch) * utilizedInstances(i);
            long reads;
            long updates = 0;
            if (child < 0) {
                long served = computes / irrelevantSpatial(ds, -1, i);
                updates = ds.isReadWrite() ? served : 0;
                reads = ds.isReadWrite() ? served - firstTouch * utilizedInstances(i) : served;
            } else {
                long dedupe = irrelevantSpatial(ds, child, i);
                reads = fills[child] / dedupe;
                if (ds.isReadWrite()) updates = loads[child] * utilizedInstances(child) / dedupe;
            }
            out[i] = new Accesses(reads, fills[i], updates);
            child = i;
        }
    }

    /** Words one instance of level i loads over the run (including first touches). */
    private long loads(DataSpace ds, int level, long tile) {
        boolean innermost = true;
        for (int j = level + 1; j < levels; j++) {
            List<Loop> temporal = mapping.levels().get(j).temporal();
            for (int k = 0; k < temporal.size(); k++) {
                Loop l = temporal.get(k);
                if (l.bound() == 1) continue;
                if (ds.isRelevant(l.dim())) {
                    long outer = outerProduct(j, k);
                    Dim d = l.dim();
                    if (innermost && ds == DataSpace.INPUTS && d != Dim.N && d != Dim.C) {
                        return outer * (tile + (l.bound() - 1) * freshAfterSlide(level, j, d, tile));
                    }
                    return outer * l.bound() * tile;
                }
                innermost = false;
            }
        }
        return tile;
    }

    /** Product of the temporal loops outside loop k of level j. */
    private long outerProduct(int j, int k) {
        long p = 1;
        List<Loop> own = mapping.levels().get(j).temporal();
        for (int m = k + 1; m < own.size(); m++) p *= own.get(m).bound();
        for (int i = j + 1; i < levels; i++) for (Loop l : mapping.levels().get(i).temporal()) p *= l.bound();
        return p;
    }

    /**
     * Input words one step of a sliding loop (dimension d at level j) brings that the previous step
     * did not hold. The step moves the window by the product of d's factors inside the loop: the
     * temporal loops of the tile's levels and the spatial loops up to level j.
     */
    private long freshAfterSlide(int level, int j, Dim d, long tile) {
        long step = ext[level][d.ordinal()];
        for (int i = level + 1; i <= j; i++) for (Loop l : mapping.levels().get(i).spatial()) if (l.dim() == d) step *= l.bound();
        int[] e = ext[level];
        boolean rows = d == Dim.P || d == Dim.R;
        long extent = rows ? problem.rows(e[Dim.P.ordinal()], e[Dim.R.ordinal()]) : problem.cols(e[Dim.Q.ordinal()], e[Dim.S.ordinal()]);
        long shift = step * switch (d) {
            case P -> problem.pStride();
            case Q -> problem.qStride();
            case R -> problem.pDilation();
            default -> problem.qDilation();
        };
        return tile / extent * Math.min(extent, shift);
    }

    /** Instances of level i in use: the spatial loops above it. Level -1 is the MACs. */
    long utilizedInstances(int level) { return utilizedAbove[level + 1]; }

    /** Instances of level i holding different data of a tensor: the relevant spatial loops above it. */
    long distinctInstances(DataSpace ds, int level) {
        long n = 1;
        for (int i = level + 1; i < levels; i++) n *= spatialRel[ds.ordinal()][i];
        return n;
    }

    /** Product of the spatial loops irrelevant to a tensor at levels child+1 .. parent (multicast / reduction). */
    long irrelevantSpatial(DataSpace ds, int child, int parent) {
        long n = 1;
        for (int i = child + 1; i <= parent; i++) n *= spatialAll[i] / spatialRel[ds.ordinal()][i];
        return n;
    }
}
