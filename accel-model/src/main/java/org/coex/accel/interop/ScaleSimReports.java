package org.coex.accel.interop;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.coex.accel.template.systolic.SystolicLayerFigures;

/**
 * SCALE-Sim v2's report files, row for row: {@code COMPUTE_REPORT.csv}, {@code DETAILED_ACCESS_REPORT.csv}
 * and {@code BANDWIDTH_REPORT.csv}. Numbers are printed as Python prints them; every row ends with a comma.
 * The start/stop cycle columns and DRAM columns come from coex's model (SCALE-Sim's come from its
 * trace simulation): every access window is [0, total cycles - 1 or 0].
 */
final class ScaleSimReports {
    static final String COMPUTE_HEADER =
            "LayerID, Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %,";
    static final String DETAIL_HEADER = "LayerID, SRAM IFMAP Start Cycle, SRAM IFMAP Stop Cycle, SRAM IFMAP Reads, "
            + "SRAM Filter Start Cycle, SRAM Filter Stop Cycle, SRAM Filter Reads, "
            + "SRAM OFMAP Start Cycle, SRAM OFMAP Stop Cycle, SRAM OFMAP Writes, "
            + "DRAM IFMAP Start Cycle, DRAM IFMAP Stop Cycle, DRAM IFMAP Reads, "
            + "DRAM Filter Start Cycle, DRAM Filter Stop Cycle, DRAM Filter Reads, "
            + "DRAM OFMAP Start Cycle, DRAM OFMAP Stop Cycle, DRAM OFMAP Writes,";
    static final String BANDWIDTH_HEADER = "LayerID, Avg IFMAP SRAM BW, Avg FILTER SRAM BW, Avg OFMAP SRAM BW, "
            + "Avg IFMAP DRAM BW, Avg FILTER DRAM BW, Avg OFMAP DRAM BW,";

    private ScaleSimReports() {}

    static String compute(List<SystolicLayerFigures> layers) {
        StringBuilder sb = new StringBuilder(COMPUTE_HEADER).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            SystolicLayerFigures f = layers.get(i);
            row(sb, i, f.cycles(), f.stallCycles(), PythonFloats.repr(f.overallUtilizationPercent()),
                    PythonFloats.repr(f.mappingEfficiencyPercent()), PythonFloats.repr(f.computeUtilizationPercent()));
        }
        return sb.toString();
    }

    static String detailed(List<SystolicLayerFigures> layers) {
        StringBuilder sb = new StringBuilder(DETAIL_HEADER).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            SystolicLayerFigures f = layers.get(i);
            long stop = Math.max(0, f.cycles() - 1);
            row(sb, i, 0, stop, f.ifmapSramReads(), 0, stop, f.filterSramReads(), 0, stop, f.ofmapSramWrites(),
                    0, stop, f.dramIfmapReads(), 0, stop, f.dramFilterReads(), 0, stop, f.dramOfmapWrites());
        }
        return sb.toString();
    }

    static String bandwidth(List<SystolicLayerFigures> layers) {
        StringBuilder sb = new StringBuilder(BANDWIDTH_HEADER).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            SystolicLayerFigures f = layers.get(i);
            long cycles = Math.max(1, f.cycles());
            row(sb, i, bw(f.ifmapSramReads(), cycles), bw(f.filterSramReads(), cycles), bw(f.ofmapSramWrites(), cycles),
                    bw(f.dramIfmapReads(), cycles), bw(f.dramFilterReads(), cycles), bw(f.dramOfmapWrites(), cycles));
        }
        return sb.toString();
    }

    private static String bw(long words, long cycles) { return PythonFloats.repr((double) words / cycles); }

    private static void row(StringBuilder sb, int id, Object... values) {
        sb.append(id).append(", ")
                .append(Stream.of(values).map(String::valueOf).collect(Collectors.joining(", ")))
                .append(",\n");
    }
}
