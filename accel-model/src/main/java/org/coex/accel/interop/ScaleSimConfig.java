package org.coex.accel.interop;

import org.coex.accel.template.systolic.Dataflow;
import org.coex.accel.template.systolic.SystolicParams;

/**
 * The parts of a SCALE-Sim {@code .cfg} that matter for cost.
 *
 * @param userBandwidth words per cycle from {@code Bandwidth} when {@code InterfaceBandwidth} is
 *                      USER; 0 in CALC mode (no stalls)
 */
public record ScaleSimConfig(String runName, int rows, int cols, int ifmapSramKb, int filterSramKb, int ofmapSramKb,
                             Dataflow dataflow, double userBandwidth) {

    /** The systolic parameters in SCALE-Sim compatibility mode, 1-byte words as SCALE-Sim assumes. */
    public SystolicParams toParams() {
        return new SystolicParams(rows, cols, dataflow, ifmapSramKb, filterSramKb, ofmapSramKb, userBandwidth,
                SystolicParams.DEFAULTS.clockMhz(), 1, true);
    }
}
