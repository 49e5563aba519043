package org.coex.accel.interop;

import java.util.List;
import org.coex.accel.mapping.MapSpace;
import org.coex.accel.mapping.Metric;
import org.coex.accel.nest.Architecture;
import org.coex.accel.nest.ConvProblem;

/**
 * Timeloop's input files without a mapping: the architecture, the problem, the map space their
 * constraints allow, the metrics to minimize (the first, then the next among equals, as Timeloop's
 * optimization metrics) and where that choice came from (for the summary).
 */
public record TimeloopMapRequest(Architecture architecture, ConvProblem problem, MapSpace space, List<Metric> metrics,
                                 String metricSource) implements TimeloopRequest {
    public TimeloopMapRequest {
        metrics = List.copyOf(metrics);
    }
}
