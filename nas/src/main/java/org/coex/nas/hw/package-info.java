/**
 * Hardware awareness on a fixed accelerator (the classic baseline): {@link org.coex.nas.hw.CostTable},
 * the per-layer, per-candidate latency or energy from accel-model, whose expectation under the
 * architecture probabilities is added to the alpha loss as lambda * cost / uniform cost.
 */
package org.coex.nas.hw;
