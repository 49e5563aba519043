package org.coex.accel.interop;

import org.coex.accel.nest.Architecture;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.Mapping;

/** What Timeloop's input files describe: an architecture, a CNN_Layer problem and one mapping. */
public record TimeloopModel(Architecture architecture, ConvProblem problem, Mapping mapping) implements TimeloopRequest {}
