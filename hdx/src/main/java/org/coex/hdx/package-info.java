/**
 * HDX hard-constraint gradient manipulation: {@link org.coex.hdx.HardConstraint} (metric, bound,
 * margin), {@link org.coex.hdx.DeltaSchedule} (the required decrease rate, growing geometrically while
 * violated), {@link org.coex.hdx.GradientProjector} (the minimum-norm g' with g'.h<sub>k</sub> &gt;=
 * delta<sub>k</sub> for the violated constraints; g untouched when nothing is violated) and
 * {@link org.coex.hdx.ConstraintGuard}, which applies them at every architecture step.
 * <p>Pure math on {@code double[]} (Commons Math for the small linear solves): depends on nothing else
 * in coex and never sees DJL.
 */
package org.coex.hdx;
