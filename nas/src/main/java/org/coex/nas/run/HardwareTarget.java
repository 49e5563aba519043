package org.coex.nas.run;

import org.coex.accel.cost.Metrics;
import org.coex.accel.template.Accelerator;

/** The fixed accelerator of a hardware-aware search, the metric it is judged by, and lambda. */
public record HardwareTarget(String description, Accelerator accelerator, Metrics.Name metric, double lambda) {}
