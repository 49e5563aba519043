/**
 * HDX hard-constraint gradient manipulation: not built yet (issue "dance + hdx").
 * <p>Will hold {@code HardConstraint} (metric, bound, margin), per-constraint state (delta and its
 * geometric growth) and {@code GradientProjector}: for the violated constraints k, the minimum-norm
 * g' with g'.h<sub>k</sub> &gt;= delta<sub>k</sub>; g untouched when nothing is violated.
 * <p>Pure math on {@code double[]}: depends on nothing else in coex and never sees DJL.
 */
package org.coex.hdx;
