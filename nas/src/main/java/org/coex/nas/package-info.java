/**
 * Neural architecture search: not built yet (issue "nas: a differentiable supernet search").
 * <p>Will hold the {@code SearchSpace} (stages of searchable layers, MBConv kernel x expansion and
 * skip candidates), {@code Architecture} with {@code toNetwork(input)} into accel-model layers,
 * {@code ArchEncoding} (the vector layout of per-layer op probabilities the evaluator consumes), the
 * DJL supernet with Gumbel-softmax and ProxylessNAS binary-gate samplers, the Fashion-MNIST IDX
 * reader, derivation and retraining, and the fixed-accelerator lookup-table baseline.
 * <p>May use {@code accel-model}; uses DJL. Never used by {@code accel-model} or {@code hdx}.
 */
package org.coex.nas;
