package org.coex.evaluator.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.coex.accel.cost.Metrics;
import org.coex.evaluator.api.Evaluator;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;
import org.nd4j.common.util.ArrayUtil;

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
    private final NDArray membership;
    private final NDArray membershipT;
    private final NDArray logMean;
    private final NDArray logStd;
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
        float[] member = new float[hardware.width() * hardware.blocks()];
        for (int j = 0; j < hardware.blocks(); j++) for (int i = 0; i < hardware.blockSize(j); i++) member[(hardware.offset(j) + i) * hardware.blocks() + j] = 1;
        this.membership = manager.create(member, new Shape(hardware.width(), hardware.blocks()));
        this.membershipT = membership.transpose();
        float[] mean = new float[3];
        float[] std = new float[3];
        for (int i = 0; i < 3; i++) {
            mean[i] = (float) scaling.logMean()[i];
            std[i] = (float) scaling.logStd()[i];
        }
        this.logMean = manager.create(mean);
        this.logStd = manager.create(std);
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
        NDArray m = denormalized(estimate(p, hw, false));
        return new Prediction(m.get(":, 0"), m.get(":, 1"), m.get(":, 2"), hw);
    }

    @Override public NDArray metricsOn(NDArray probabilities, int[] configs) {
        NDArray p = probabilities.getShape().dimension() == 1 ? probabilities.reshape(1, -1) : probabilities;
        return denormalized(estimate(p, p.getManager().create(hardware.oneHotRows(configs), new Shape(configs.length, hardware.width())), false));
    }

    /** exp(y * std + mean), column by column: metrics from the estimator's normalized outputs [B, 3]. */
    private NDArray denormalized(NDArray y) { return y.mul(logStd).add(logMean).exp(); }

    /**
     * Per block: one-hot of argmax(logits [+ Gumbel]) forward, the block's softmax gradient backward.
     * All blocks' softmaxes at once: exp(l - max) / (exp(l - max) B B^T), B the [width, blocks]
     * membership matrix (subtracting the row's overall max leaves each block's softmax unchanged).
     */
    private NDArray straightThrough(NDArray logits) {
        NDManager scope = logits.getManager();
        int b = (int) logits.getShape().get(0);
        int w = hardware.width();
        float[] scores = logits.toFloatArray();
        if (gumbel != null) for (int i = 0; i < scores.length; i++) scores[i] += (float) -Math.log(-Math.log(Math.max(1e-12, gumbel.nextDouble())));
        float[] hot = new float[b * w];
        for (int r = 0; r < b; r++) {
            for (int j = 0; j < hardware.blocks(); j++) {
                int best = hardware.offset(j);
                for (int i = best + 1; i < hardware.offset(j) + hardware.blockSize(j); i++) if (scores[r * w + i] > scores[r * w + best]) best = i;
                hot[r * w + best] = 1;
            }
        }
        NDArray e = logits.sub(logits.max(new int[] {1}, true).stopGradient()).exp();
        NDArray soft = e.div(e.matMul(membership).matMul(membershipT));
        return scope.create(hot, new Shape(b, w)).add(soft).sub(soft.stopGradient());
    }

    /** Deterministic (no Gumbel noise): the generator's argmax configuration and the estimator's metrics for it. */
    @Override public Choice predict(Architecture architecture) {
        SplittableRandom noise = gumbel;
        gumbel = null;
        try (NDManager scope = manager.newSubManager()) {
            float[] p = ArrayUtil.toFloats(encoding.oneHot(architecture));
            Prediction out = forward(scope.create(p, new Shape(1, p.length)));
            int[] choice = hardware.argmax(out.hardware().toFloatArray());
            double lat = out.latencyMs().getFloat(0);
            double en = out.energyUj().getFloat(0);
            return new Choice(hardware.designSpace().point(choice), Metrics.ofHeadline(lat, en, out.areaMm2().getFloat(0)));
        } finally {
            gumbel = noise;
        }
    }

    @Override public void close() { manager.close(); }
}
