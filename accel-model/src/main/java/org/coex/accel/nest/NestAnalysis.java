package org.coex.accel.nest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
 * of them, where step is the product of that dimension's factors below the loop. For outputs, the
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
    private final ConvProblem problem;
    private final Architecture arch;
    private final Mapping mapping;
    private final int levelCount;

    private NestAnalysis(ConvProblem problem, Architecture arch, Mapping mapping) {
        this.problem = problem;
        this.arch = arch;
        this.mapping = mapping;
        this.levelCount = arch.levels().size();
    }

    /** @throws IllegalArgumentException naming the problem if the mapping is illegal (see {@link MappingChecks}) */
    public static NestResult evaluate(ConvProblem problem, Architecture arch, Mapping mapping) {
        List<String> problems = MappingChecks.problems(problem, arch, mapping);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return new NestAnalysis(problem, arch, mapping).run();
    }

    private NestResult run() {
        long computes = problem.macs();
        long computeCycles = 1;
        for (LevelMapping lm : mapping.levels()) for (Loop l : lm.temporal()) computeCycles *= l.bound();

        Map<DataSpace, Map<Integer, Accesses>> counts = new EnumMap<>(DataSpace.class);
        Map<DataSpace, Map<Integer, Long>> tiles = new EnumMap<>(DataSpace.class);
        for (DataSpace ds : DataSpace.values()) {
            counts.put(ds, new LinkedHashMap<>());
            tiles.put(ds, new LinkedHashMap<>());
            analyse(ds, computes, counts.get(ds), tiles.get(ds));
        }

        long cycles = computeCycles;
        List<LevelResult> results = new ArrayList<>();
        for (int i = 0; i < levelCount; i++) {
            StorageLevel lv = arch.levels().get(i);
            long utilized = utilizedInstances(i);
            Map<DataSpace, Accesses> acc = new EnumMap<>(DataSpace.class);
            Map<DataSpace, Long> tile = new EnumMap<>(DataSpace.class);
            long reads = 0;
            long writes = 0;
            double dynamic = 0;
            for (DataSpace ds : DataSpace.values()) {
                Accesses a = counts.get(ds).get(i);
                if (a == null) continue;
                acc.put(ds, a);
                tile.put(ds, tiles.get(ds).get(i));
                reads += a.reads();
                writes += a.fills() + a.updates();
                dynamic += (a.reads() * lv.readPj() + a.fills() * lv.writePj() + a.updates() * lv.updatePj()) / lv.blockWords();
            }
            long levelCycles = Math.max(bandwidthCycles(reads, utilized, lv.readBandwidth()),
                    bandwidthCycles(writes, utilized, lv.writeBandwidth()));
            cycles = Math.max(cycles, levelCycles);
            results.add(new LevelResult(lv.name(), utilized, acc, tile, lv.dummy() ? 0 : dynamic, levelCycles));
        }
        List<LevelResult> withLeak = new ArrayList<>();
        for (int i = 0; i < levelCount; i++) {
            LevelResult r = results.get(i);
            StorageLevel lv = arch.levels().get(i);
            double leak = lv.dummy() || r.accesses().isEmpty() ? 0 : lv.leakPj() * cycles * r.utilizedInstances();
            withLeak.add(new LevelResult(r.name(), r.utilizedInstances(), r.accesses(), r.tileWords(), r.energyPj() + leak, r.cycles()));
        }
        return new NestResult(computes, computeCycles, cycles, utilizedInstances(-1), computes * arch.macPj(), withLeak);
    }

    private static long bandwidthCycles(long words, long instances, double bandwidth) {
        if (bandwidth <= 0 || instances == 0) return 0;
        return (long) Math.ceil(words / (double) instances / bandwidth);
    }

    /** Counts for one tensor at every level that keeps it (the outermost level always keeps it). */
    private void analyse(DataSpace ds, long computes, Map<Integer, Accesses> out, Map<Integer, Long> tilesOut) {
        List<Integer> keepers = new ArrayList<>();
        for (int i = 0; i < levelCount; i++) {
            if (i == levelCount - 1 || mapping.levels().get(i).keep().contains(ds)) keepers.add(i);
        }
        long[] loadsPerInstance = new long[levelCount];
        long[] fillsTotal = new long[levelCount];
        for (int i : keepers) {
            long tile = tile(ds, i);
            tilesOut.put(i, tile);
            boolean top = i == levelCount - 1;
            long loads = top ? tile : loads(ds, i, tile);
            long firstTouch = ds.isReadWrite() ? problem.size(ds) / distinctInstances(ds, i) : 0;
            loadsPerInstance[i] = loads;
            fillsTotal[i] = top ? 0 : (loads - firstTouch) * utilizedInstances(i);
        }
        for (int j = 0; j < keepers.size(); j++) {
            int i = keepers.get(j);
            long reads;
            long updates = 0;
            if (j == 0) {
                long served = computes / irrelevantSpatial(ds, -1, i);
                if (ds.isReadWrite()) {
                    updates = served;
                    reads = served - problem.size(ds) / distinctInstances(ds, i) * utilizedInstances(i);
                } else {
                    reads = served;
                }
            } else {
                int child = keepers.get(j - 1);
                long dedupe = irrelevantSpatial(ds, child, i);
                reads = fillsTotal[child] / dedupe;
                if (ds.isReadWrite()) updates = loadsPerInstance[child] * utilizedInstances(child) / dedupe;
            }
            out.put(i, new Accesses(reads, fillsTotal[i], updates));
        }
    }

    /** Words of a tensor one instance of level i holds: the loops of levels 0..i, temporal and spatial. */
    long tile(DataSpace ds, int level) { return problem.tileSize(ds, mapping.extents(level)); }

    /** A temporal loop and the level it belongs to. */
    private record Placed(int level, Loop loop) {}

    /** Words one instance of level i loads over the run (including first touches). */
    private long loads(DataSpace ds, int level, long tile) {
        List<Placed> above = new ArrayList<>();
        for (int i = level + 1; i < levelCount; i++) {
            for (Loop l : mapping.levels().get(i).temporal()) if (l.bound() > 1) above.add(new Placed(i, l));
        }
        int first = -1;
        for (int k = 0; k < above.size(); k++) {
            if (ds.isRelevant(above.get(k).loop().dim())) {
                first = k;
                break;
            }
        }
        if (first < 0) return tile;
        long outer = 1;
        for (int k = first + 1; k < above.size(); k++) outer *= above.get(k).loop().bound();
        Placed slide = above.get(first);
        Dim d = slide.loop().dim();
        if (first == 0 && ds == DataSpace.INPUTS && d != Dim.N && d != Dim.C) {
            return outer * (tile + (slide.loop().bound() - 1) * freshAfterSlide(level, slide, tile));
        }
        return outer * slide.loop().bound() * tile;
    }

    /**
     * Input words one step of a sliding loop brings that the previous step did not hold. The step
     * moves the window by the product of the loop's dimension over everything inside it: the
     * temporal loops of the tile's levels and the spatial loops up to the sliding loop's level.
     */
    private long freshAfterSlide(int level, Placed slide, long tile) {
        Dim d = slide.loop().dim();
        Map<Dim, Integer> ext = mapping.extents(level);
        long step = 1;
        for (int i = 0; i <= slide.level(); i++) {
            LevelMapping lm = mapping.levels().get(i);
            for (Loop l : lm.spatial()) if (l.dim() == d) step *= l.bound();
            if (i <= level) for (Loop l : lm.temporal()) if (l.dim() == d) step *= l.bound();
        }
        boolean rows = d == Dim.P || d == Dim.R;
        long extent = rows ? problem.inputRows(ext) : problem.inputCols(ext);
        long shift = step * switch (d) {
            case P -> problem.pStride();
            case Q -> problem.qStride();
            case R -> problem.pDilation();
            default -> problem.qDilation();
        };
        return tile / extent * Math.min(extent, shift);
    }

    /** Instances of level i in use: the spatial loops above it. Level -1 is the MACs. */
    long utilizedInstances(int level) {
        long n = 1;
        for (int i = level + 1; i < levelCount; i++) for (Loop l : mapping.levels().get(i).spatial()) n *= l.bound();
        return n;
    }

    /** Instances of level i holding different data of a tensor: the relevant spatial loops above it. */
    long distinctInstances(DataSpace ds, int level) {
        long n = 1;
        for (int i = level + 1; i < levelCount; i++) {
            for (Loop l : mapping.levels().get(i).spatial()) if (ds.isRelevant(l.dim())) n *= l.bound();
        }
        return n;
    }

    /** Product of the spatial loops irrelevant to a tensor at levels child+1 .. parent (multicast / reduction). */
    long irrelevantSpatial(DataSpace ds, int child, int parent) {
        long n = 1;
        for (int i = child + 1; i <= parent; i++) {
            for (Loop l : mapping.levels().get(i).spatial()) if (!ds.isRelevant(l.dim())) n *= l.bound();
        }
        return n;
    }
}
