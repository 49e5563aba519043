package org.coex.accel.template.systolic;

/**
 * Everything the systolic model computes for one layer, in SCALE-Sim's terms.
 *
 * @param computeCycles cycles without stalls: the count in native mode, SCALE-Sim's reported figure
 *                      (index of the last cycle, per split layer) in compatibility mode
 * @param overallUtilizationPercent MACs * 100 / ((compute + stall) cycles * PEs)
 * @param mappingEfficiencyPercent  mean over folds of used PEs / PEs, times 100
 * @param computeUtilizationPercent mean over folds of busy PE-cycles / PE-cycles of the fold, times 100
 */
public record SystolicLayerFigures(String layer, long macs, long folds, long computeCycles, long stallCycles,
                                   double overallUtilizationPercent, double mappingEfficiencyPercent,
                                   double computeUtilizationPercent, long ifmapSramReads, long filterSramReads,
                                   long ofmapSramWrites, long dramIfmapReads, long dramFilterReads,
                                   long dramOfmapWrites, long dramPsumReads) {

    public long cycles() { return computeCycles + stallCycles; }

    public long dramWords() { return dramIfmapReads + dramFilterReads + dramOfmapWrites + dramPsumReads; }
}
