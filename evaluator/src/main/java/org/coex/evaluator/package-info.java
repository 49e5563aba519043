/**
 * DANCE's evaluator (layout: docs/evaluator.md): {@code cube} (exact per-op costs of a search space on
 * every configuration of a design space), {@code data} (sampled, labelled datasets with optimal
 * configurations; .npy + manifest), {@code api} (the differentiable {@code Evaluator} and its exact
 * analytic implementation), {@code net} (the learned cost estimation and hardware generation networks,
 * save/load with what they were trained for), {@code train} and {@code report} (fidelity against the
 * analytic model), {@code cli} ({@code coex evaluator}).
 * <p>May use {@code accel-model} and {@code nas}.
 */
package org.coex.evaluator;
