package org.coex.accel.template.systolic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.Accelerator;
import org.coex.accel.workload.Layer;

/**
 * A configured systolic array. Per layer: folds and SRAM counts as SCALE-Sim
 * ({@link FoldPlan}), DRAM traffic from coex's capacity model ({@link DramTraffic}), stalls by a
 * roofline on DRAM bandwidth, energy from per-access energies of the technology table.
 *
 * <p>Energy (pJ): mac = MACs e<sub>mac</sub>; array = 3 MACs e<sub>reg</sub> (one input, one weight
 * and one partial-sum register per MAC); each SRAM = its reads e<sub>read</sub> + its DRAM fills
 * e<sub>write</sub> (ofmap: writes e<sub>write</sub> + drains to DRAM e<sub>read</sub>); dram = words e<sub>dram</sub>.
 * Area (um<sup>2</sup>): mac_array = R C (a<sub>mac</sub> + 3 a<sub>reg</sub>) and one SRAM macro per buffer.
 */
public final class SystolicAccelerator implements Accelerator {
    private final SystolicParams p;
    private final Map<String, Double> area;
    private final double eMac;
    private final double eReg;
    private final double eDram;
    private final double eIfmapRead;
    private final double eIfmapWrite;
    private final double eFilterRead;
    private final double eFilterWrite;
    private final double eOfmapRead;
    private final double eOfmapWrite;

    public SystolicAccelerator(SystolicParams params, TechnologyTable tech) {
        this.p = params;
        int bits = 8 * p.wordBytes();
        double ifBytes = p.ifmapSramKb() * 1024;
        double fBytes = p.filterSramKb() * 1024;
        double ofBytes = p.ofmapSramKb() * 1024;
        eMac = tech.macPj(bits);
        eReg = tech.registerPj(bits);
        eDram = tech.dramPj(bits);
        eIfmapRead = tech.sramReadPj(ifBytes, bits);
        eIfmapWrite = tech.sramWritePj(ifBytes, bits);
        eFilterRead = tech.sramReadPj(fBytes, bits);
        eFilterWrite = tech.sramWritePj(fBytes, bits);
        eOfmapRead = tech.sramReadPj(ofBytes, bits);
        eOfmapWrite = tech.sramWritePj(ofBytes, bits);
        Map<String, Double> a = new LinkedHashMap<>();
        a.put("mac_array", (double) p.rows() * p.cols() * (tech.macAreaUm2(bits) + 3 * tech.registerAreaUm2(bits)));
        a.put("ifmap_sram", tech.sramAreaUm2(ifBytes));
        a.put("filter_sram", tech.sramAreaUm2(fBytes));
        a.put("ofmap_sram", tech.sramAreaUm2(ofBytes));
        this.area = java.util.Collections.unmodifiableMap(a);
    }

    public SystolicParams params() { return p; }

    @Override public HwConfig config() { return p.toConfig(); }

    @Override public double clockMhz() { return p.clockMhz(); }

    @Override public Map<String, Double> areaUm2() { return area; }

    /** The fold plan of one group of a layer; grouped layers repeat it once per group. */
    FoldPlan foldPlan(Layer layer) {
        FoldPlan f = FoldPlan.of(p.dataflow(), p.rows(), p.cols(), layer.outputPixels(), layer.windowSize(),
                layer.filtersPerGroup(), layer.groups());
        return p.scaleSimCompatible() ? f : f.packedDiagonally();
    }

    /** Every figure of one layer, in SCALE-Sim's terms, as SCALE-Sim under CPython 3.12+ prints them. */
    public SystolicLayerFigures figures(Layer layer) { return figures(layer, PythonSum.NEUMAIER); }

    /** Every figure of one layer; {@code pythonSum} matters only in SCALE-Sim compatibility mode. */
    public SystolicLayerFigures figures(Layer layer, PythonSum pythonSum) {
        FoldPlan f = foldPlan(layer);
        DramTraffic dram = DramTraffic.sequential(layer, f, p);
        long macs = layer.macs();
        long pes = (long) p.rows() * p.cols();
        boolean compat = p.scaleSimCompatible();
        long compute = compat ? f.computeCycles() - f.repeats() : f.computeCycles();
        long stall = 0;
        if (p.dramWordsPerCycle() > 0) {
            long dramCycles = (long) Math.ceil(dram.total() / p.dramWordsPerCycle());
            stall = Math.max(0, dramCycles - compute);
        }
        long cycles = compute + stall;
        double overall = compat
                ? ScaleSimArithmetic.overallUtilizationPercent(macs, Math.max(cycles, 1), p.rows(), p.cols())
                : 100.0 * macs / ((double) cycles * pes);
        double mapping = compat ? ScaleSimArithmetic.mappingEfficiencyPercent(f, pythonSum) : 100 * f.mappingEfficiency();
        double busy = compat ? ScaleSimArithmetic.computeUtilizationPercent(f, pythonSum) : 100 * f.computeUtilization();
        return new SystolicLayerFigures(layer.name(), macs, f.folds(), compute, stall, overall, mapping, busy,
                f.ifmapSramReads(), f.filterSramReads(), f.ofmapSramWrites(),
                dram.ifmapReads(), dram.filterReads(), dram.ofmapWrites(), dram.psumReads());
    }

    @Override public LayerCost evaluate(Layer layer) {
        SystolicLayerFigures g = figures(layer);
        Map<String, Long> acc = new LinkedHashMap<>(16);
        acc.put("ifmap_sram_reads", g.ifmapSramReads());
        acc.put("filter_sram_reads", g.filterSramReads());
        acc.put("ofmap_sram_writes", g.ofmapSramWrites());
        acc.put("dram_ifmap_reads", g.dramIfmapReads());
        acc.put("dram_filter_reads", g.dramFilterReads());
        acc.put("dram_ofmap_writes", g.dramOfmapWrites());
        acc.put("dram_psum_reads", g.dramPsumReads());
        Map<String, Double> e = new LinkedHashMap<>(16);
        e.put("mac", g.macs() * eMac);
        e.put("array", 3.0 * g.macs() * eReg);
        e.put("ifmap_sram", g.ifmapSramReads() * eIfmapRead + g.dramIfmapReads() * eIfmapWrite);
        e.put("filter_sram", g.filterSramReads() * eFilterRead + g.dramFilterReads() * eFilterWrite);
        e.put("ofmap_sram", (g.ofmapSramWrites() + g.dramPsumReads()) * eOfmapWrite + g.dramOfmapWrites() * eOfmapRead);
        e.put("dram", g.dramWords() * eDram);
        double utilization = g.macs() / ((double) Math.max(1, g.cycles()) * p.rows() * p.cols());
        return new LayerCost(layer.name(), g.macs(), g.computeCycles(), g.stallCycles(), utilization, acc, e);
    }
}
