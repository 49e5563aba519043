/**
 * DANCE's learned evaluator: not built yet (issue "evaluator").
 * <p>Will hold cost-dataset generation (architectures x configurations labelled by accel-model,
 * stored as .npy + JSON manifest), the cost estimation and hardware generation networks (DJL), the
 * differentiable {@code Evaluator}, its exact analytic alternative, fidelity reports and
 * fingerprinted save/load.
 * <p>May use {@code accel-model} and {@code nas}.
 */
package org.coex.evaluator;
