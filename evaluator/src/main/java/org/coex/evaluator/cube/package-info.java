/** The cost cube: every candidate op's latency and energy at every searchable layer on every configuration of a design space (linear in op probabilities). */
package org.coex.evaluator.cube;
