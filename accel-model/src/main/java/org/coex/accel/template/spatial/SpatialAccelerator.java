package org.coex.accel.template.spatial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.mapping.MapSpace;
import org.coex.accel.mapping.MappingSearch;
import org.coex.accel.nest.Accesses;
import org.coex.accel.nest.Architecture;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.LevelResult;
import org.coex.accel.nest.NestResult;
import org.coex.accel.nest.StorageLevel;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.Accelerator;
import org.coex.accel.workload.Layer;

/**
 * A configured spatial accelerator: pe_rows x pe_cols PEs, each with ifmap, weights and psum
 * register files; a global buffer that feeds the array; DRAM. Each layer is costed with the best
 * mapping the search finds for it ({@link MappingSearch}), cached per layer shape and configuration.
 * A grouped layer runs its groups one after another (group cost times groups).
 *
 * <p>Energies per word from the technology table at each buffer's size (psum RF at 2 x word_bits),
 * MAC at word_bits; the array network (when the table has one) per word the global buffer sends
 * into the array or takes back (its reads and updates, once per multicast). Area: PEs x (MAC + three RFs) + global buffer. Bandwidth: RFs 2 words/cycle,
 * global buffer unlimited, DRAM {@code dram_words_per_cycle}.
 */
public final class SpatialAccelerator implements Accelerator {
    public static final List<String> LEVELS = List.of("psum_rf", "weights_rf", "ifmap_rf", "glb", "dram");
    private static final Map<Object, MappingSearch.Result> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 200_000;

    private final SpatialParams p;
    private final TechnologyTable tech;
    private final Architecture arch;
    private final MapSpace space;
    private final Map<String, Double> area;

    public SpatialAccelerator(SpatialParams params, TechnologyTable tech) {
        this.p = params;
        this.tech = tech;
        int pes = p.peRows() * p.peCols();
        int w = p.wordBits();
        int psumBits = 2 * w;
        double glbBytes = p.glbKb() * 1024;
        this.arch = new Architecture("mac", pes, tech.macPj(w), tech.macAreaUm2(w), List.of(
                rf("psum_rf", pes, p.peCols(), p.psumRfBytes(), psumBits),
                rf("weights_rf", pes, p.peCols(), p.weightsRfBytes(), w),
                rf("ifmap_rf", pes, p.peCols(), p.ifmapRfBytes(), w),
                new StorageLevel("glb", 1, 1, w, 1, (long) (glbBytes * 8 / w), 0, 0, tech.sramReadPj(glbBytes, w),
                        tech.sramWritePj(glbBytes, w), tech.sramWritePj(glbBytes, w), 0, tech.sramAreaUm2(glbBytes), false),
                new StorageLevel("dram", 1, 1, w, 1, 0, p.dramWordsPerCycle(), p.dramWordsPerCycle(), tech.dramPj(w),
                        tech.dramPj(w), tech.dramPj(w), 0, 0, false)));
        this.space = p.dataflow().mapSpace(p.peRows(), p.peCols());
        Map<String, Double> a = new LinkedHashMap<>();
        a.put("pe_array", pes * (tech.macAreaUm2(w) + tech.sramAreaUm2(p.psumRfBytes()) + tech.sramAreaUm2(p.weightsRfBytes())
                + tech.sramAreaUm2(p.ifmapRfBytes())));
        a.put("glb", tech.sramAreaUm2(glbBytes));
        this.area = java.util.Collections.unmodifiableMap(a);
    }

    private StorageLevel rf(String name, int pes, int cols, int bytes, int bits) {
        return new StorageLevel(name, pes, cols, bits, 1, (long) bytes * 8 / bits, 2, 2, tech.sramReadPj(bytes, bits),
                tech.sramWritePj(bytes, bits), tech.sramWritePj(bytes, bits), 0, tech.sramAreaUm2(bytes), false);
    }

    public SpatialParams params() { return p; }

    /** The loop-nest architecture this configuration builds (for exports and reports). */
    public Architecture architecture() { return arch; }

    @Override public HwConfig config() { return p.toConfig(); }

    @Override public double clockMhz() { return p.clockMhz(); }

    @Override public Map<String, Double> areaUm2() { return area; }

    /**
     * The mapping chosen for one group of a layer, and its cost.
     *
     * @throws IllegalArgumentException if no mapping fits the buffers
     */
    public MappingSearch.Result mapping(Layer layer) {
        ConvProblem problem = ConvProblem.of(layer);
        Object key = List.of(problem, p, tech.name());
        MappingSearch.Result r = CACHE.get(key);
        if (r == null) {
            r = MappingSearch.search(problem, arch, space, p.mappingMetric()).orElseThrow(() -> new IllegalArgumentException(
                    "no legal mapping of " + layer.name() + " fits the buffers of " + p.toConfig()));
            if (CACHE.size() > CACHE_LIMIT) CACHE.clear();
            CACHE.put(key, r);
        }
        return r;
    }

    @Override public LayerCost evaluate(Layer layer) {
        NestResult r = mapping(layer).cost();
        long groups = layer.groups();
        Map<String, Long> accesses = new LinkedHashMap<>();
        Map<String, Double> energy = new LinkedHashMap<>();
        energy.put("mac", groups * r.macEnergyPj());
        for (LevelResult l : r.levels()) {
            for (DataSpace ds : DataSpace.values()) {
                Accesses a = l.accesses().get(ds);
                if (a == null) continue;
                String prefix = l.name() + "." + ds.timeloopName().toLowerCase(Locale.ROOT);
                accesses.put(prefix + ".reads", groups * a.reads());
                accesses.put(prefix + ".fills", groups * a.fills());
                accesses.put(prefix + ".updates", groups * a.updates());
                energy.put(prefix, groups * l.dynamicPj().get(ds));
            }
            if (l.leakPj() > 0) energy.put(l.name() + ".leak", groups * l.leakPj());
        }
        LevelResult glb = r.levels().get(3);
        for (DataSpace ds : DataSpace.values()) {
            Accesses a = glb.accesses().get(ds);
            if (a == null || tech.arrayPj(p.wordBits()) == 0) continue;
            int bits = ds == DataSpace.OUTPUTS ? 2 * p.wordBits() : p.wordBits();
            energy.put("array." + ds.timeloopName().toLowerCase(Locale.ROOT), groups * (a.reads() + a.updates()) * tech.arrayPj(bits));
        }
        long compute = groups * r.computeCycles();
        long stall = groups * (r.cycles() - r.computeCycles());
        double utilization = layer.macs() / ((double) (compute + stall) * p.peRows() * p.peCols());
        return new LayerCost(layer.name(), layer.macs(), compute, stall, utilization, accesses, energy);
    }
}
