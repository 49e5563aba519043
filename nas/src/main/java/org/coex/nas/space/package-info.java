/**
 * The search space: {@link org.coex.nas.space.SearchSpace} (stem, stages of searchable layers, MBConv
 * kernel x expansion candidates and skip, head), {@link org.coex.nas.space.ArchEncoding} (the vector
 * layout of per-layer op probabilities: the contract with the evaluator, with the space's fingerprint),
 * {@link org.coex.nas.space.Architecture} (one op per layer; {@code toNetwork} gives accel-model layers)
 * and their YAML / JSON files. No DJL here.
 */
package org.coex.nas.space;
