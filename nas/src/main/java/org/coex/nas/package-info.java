/**
 * Neural architecture search (issue "nas"). Built so far: {@code data} (IDX reader, Fashion-MNIST,
 * seeded splits) and {@code space} (search space, ArchEncoding, Architecture, toNetwork, YAML/JSON).
 * Still to come: the DJL supernet with Gumbel-softmax and ProxylessNAS binary-gate samplers, the
 * trainer with checkpoints and resume, derivation and retraining, the fixed-accelerator lookup-table
 * baseline and the {@code coex nas} commands.
 * <p>May use {@code accel-model}; uses DJL. Never used by {@code accel-model} or {@code hdx}.
 */
package org.coex.nas;
