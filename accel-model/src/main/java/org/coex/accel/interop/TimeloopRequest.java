package org.coex.accel.interop;

/** What Timeloop's input files ask for: a mapping to evaluate ({@link TimeloopModel}) or one to find ({@link TimeloopMapRequest}). */
public sealed interface TimeloopRequest permits TimeloopModel, TimeloopMapRequest {}
