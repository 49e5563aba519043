/**
 * JMH benchmarks of the cost models and sweeps; each states what it measures and its target.
 * Results with commands, CPU and JDK: benchmarks/RESULTS.md. Never run by {@code mvn verify}.
 */
package org.coex.benchmarks;
