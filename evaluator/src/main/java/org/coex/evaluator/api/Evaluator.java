package org.coex.evaluator.api;

import ai.djl.ndarray.NDArray;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.HwConfig;
import org.coex.nas.space.Architecture;

/**
 * What a search asks of hardware cost: differentiable metrics of op-probability vectors, and the
 * hardware that goes with them. Implemented exactly ({@link AnalyticEvaluator}) and, next, by
 * DANCE's learned networks.
 */
public interface Evaluator extends AutoCloseable {

    /**
     * Metrics of a batch of op-probability vectors [B, K] (encoding layout; [K] counts as B = 1),
     * inside the caller's DJL graph: results live in the input's manager and carry gradients to it.
     */
    Prediction forward(NDArray probabilities);

    /**
     * Metrics of op-probability vectors [B, K] on given configurations (grid indices of the design
     * space, one per row), no hardware choice: [B, 3] latency ms, energy uJ, area mm2.
     */
    NDArray metricsOn(NDArray probabilities, int[] configs);

    /** The evaluator's configuration for an architecture and that pair's metrics, outside any graph. */
    Choice predict(Architecture architecture);

    /**
     * @param latencyMs [B]
     * @param energyUj  [B]
     * @param areaMm2   [B]
     * @param hardware  [B, sum of parameter sizes]: per design-space parameter, the probability of each
     *                  value (blocks in the design space's parameter order, each summing to 1)
     */
    record Prediction(NDArray latencyMs, NDArray energyUj, NDArray areaMm2, NDArray hardware) {
        /** One metric [B], differentiable: EDP = latency x energy; frame rate is not one (limit latency instead). */
        public NDArray metric(Metrics.Name name) {
            return switch (name) {
                case LATENCY -> latencyMs;
                case ENERGY -> energyUj;
                case AREA -> areaMm2;
                case EDP -> latencyMs.mul(energyUj);
                case FPS -> throw new IllegalArgumentException("fps is not differentiated directly: limit latency to 1000 / fps instead");
            };
        }
    }

    record Choice(HwConfig config, Metrics metrics) {}

    /** Releases the evaluator's native memory. */
    @Override void close();
}
