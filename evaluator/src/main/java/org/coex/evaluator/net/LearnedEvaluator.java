package org.coex.evaluator.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.coex.accel.cost.Metrics;
import org.coex.evaluator.api.Evaluator;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;

/**
 * DANCE's learned evaluator: the hardware generation network maps op probabilities p [B, K] to one
 * softmax per hardware parameter; the chosen configuration (one-hot per parameter, straight-through:
 * forward one-hot, gradient of the softmax, optionally Gumbel-perturbed) and p feed the cost
 * estimation network, which predicts normalized logs of latency, energy and area; metrics are
 * exp(y * std + mean). Gradients reach p both directly and through the chosen hardware.
 */
public final class LearnedEvaluator implements Evaluator, AutoCloseable {
    /** Normalization of the estimator's targets: per metric, mean and standard deviation of its log. */
    public record Scaling(double[] logMean, double[] logStd) {}

    private final ArchEncoding encoding;
    private final HardwareLayout hardware;
    private final Scaling scaling;
    private final NDManager manager;
    private final ForwardingMlp generator;
    private final ForwardingMlp estimator;
    private final ParameterStore ps;
    private SplittableRandom gumbel;

    public LearnedEvaluator(ArchEncoding encoding, HardwareLayout hardware, Scaling scaling, int[] hidden) {
        this.encoding = encoding;
        this.hardware = hardware;
        this.scaling = scaling;
        this.manager = NDManager.newBaseManager();
        int k = encoding.length();
        this.generator = new ForwardingMlp(k, k, hidden, hardware.width());
        this.estimator = new ForwardingMlp(k + hardware.width(), k, hidden, 3);
        generator.initialize(manager, DataType.FLOAT32, new Shape(1, k));
        estimator.initialize(manager, DataType.FLOAT32, new Shape(1, k + hardware.width()));
        this.ps = new ParameterStore(manager, false);
    }

    public ForwardingMlp generator() { return generator; }

    NDManager manager() { return manager; }

    public ForwardingMlp estimator() { return estimator; }

    public ArchEncoding encoding() { return encoding; }

    public HardwareLayout hardware() { return hardware; }

    public Scaling scaling() { return scaling; }

    /** Gumbel noise on the generator's logits during forward (a search's exploration), seeded; null for none. */
    public void useGumbel(Long seed) { this.gumbel = seed == null ? null : new SplittableRandom(seed); }

    /** Raw generator logits [B, hardware width]. */
    public NDArray generatorLogits(NDArray p, boolean training) {
        return generator.forward(ps, new NDList(p), training).singletonOrThrow();
    }

    /** Normalized estimator outputs [B, 3] for p [B, K] and configurations [B, hardware width]. */
    public NDArray estimate(NDArray p, NDArray config, boolean training) {
        return estimator.forward(ps, new NDList(NDArrays.concat(new NDList(p, config), 1)), training).singletonOrThrow();
    }

    @Override public Prediction forward(NDArray probabilities) {
        NDArray p = probabilities.getShape().dimension() == 1 ? probabilities.reshape(1, -1) : probabilities;
        NDArray logits = generatorLogits(p, false);
        NDArray hw = straightThrough(logits);
        NDArray y = estimate(p, hw, false);
        NDArray[] m = new NDArray[3];
        for (int i = 0; i < 3; i++) m[i] = y.get(":, " + i).mul((float) scaling.logStd()[i]).add((float) scaling.logMean()[i]).exp();
        return new Prediction(m[0], m[1], m[2], hw);
    }

    /** Per block: one-hot of argmax(logits [+ Gumbel]) forward, softmax's gradient backward. */
    private NDArray straightThrough(NDArray logits) {
        NDManager scope = logits.getManager();
        int b = (int) logits.getShape().get(0);
        float[] noise = new float[b * hardware.width()];
        if (gumbel != null) for (int i = 0; i < noise.length; i++) noise[i] = (float) -Math.log(-Math.log(Math.max(1e-12, gumbel.nextDouble())));
        float[] scores = logits.add(scope.create(noise, logits.getShape())).toFloatArray();
        List<NDArray> blocks = new ArrayList<>();
        for (int j = 0; j < hardware.blocks(); j++) {
            int off = hardware.offset(j);
            int size = hardware.blockSize(j);
            float[] hot = new float[b * size];
            for (int r = 0; r < b; r++) {
                int best = 0;
                for (int i = 1; i < size; i++) if (scores[r * hardware.width() + off + i] > scores[r * hardware.width() + off + best]) best = i;
                hot[r * size + best] = 1;
            }
            NDArray soft = logits.get(":, " + off + ":" + (off + size)).softmax(1);
            blocks.add(scope.create(hot, new Shape(b, size)).add(soft).sub(soft.stopGradient()));
        }
        return NDArrays.concat(new NDList(blocks), 1);
    }

    /** Deterministic (no Gumbel noise): the generator's argmax configuration and the estimator's metrics for it. */
    @Override public Choice predict(Architecture architecture) {
        SplittableRandom noise = gumbel;
        gumbel = null;
        try (NDManager scope = manager.newSubManager()) {
            double[] hot = encoding.oneHot(architecture);
            float[] p = new float[hot.length];
            for (int i = 0; i < p.length; i++) p[i] = (float) hot[i];
            Prediction out = forward(scope.create(p, new Shape(1, p.length)));
            int[] choice = hardware.argmax(out.hardware().toFloatArray());
            double lat = out.latencyMs().getFloat(0);
            double en = out.energyUj().getFloat(0);
            return new Choice(hardware.designSpace().point(choice), new Metrics(lat, 1000 / lat, en, out.areaMm2().getFloat(0), en * lat));
        } finally {
            gumbel = noise;
        }
    }

    @Override public void close() { manager.close(); }
}
