package org.coex.evaluator.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;
import org.coex.evaluator.data.LabelledSamples;
import org.coex.evaluator.net.HardwareLayout;
import org.coex.evaluator.net.LearnedEvaluator;
import org.coex.nas.supernet.DjlSeeds;
import org.coex.nas.supernet.TorchRuntime;
import org.coex.nas.train.TrainingDiverged;
import org.coex.nas.train.Updater;

/**
 * Trains both networks of a {@link LearnedEvaluator} on labelled samples (in memory, or read from disk a batch at a time): the cost estimator by
 * mean squared error on normalized log metrics of (arch, config), the hardware generator by
 * cross-entropy of each parameter's head against the optimal configuration; Adam with a cosine
 * learning-rate schedule, one backward pass for both (their parameters are disjoint). The last
 * {@code heldOut} fraction of the samples is never trained on (the fidelity report's test set).
 */
public final class EvaluatorTrainer {
    /** @param hidden widths of the hidden layers of both networks */
    public record Config(int epochs, int batchSize, double lr, double heldOut, long seed, int[] hidden) {
        public Config {
            if (epochs < 1 || batchSize < 1 || !(lr > 0) || !(heldOut > 0 && heldOut < 1)) {
                throw new IllegalArgumentException("need epochs >= 1, batch >= 1, lr > 0, 0 < held-out < 1");
            }
        }
    }

    public record Epoch(int epoch, double estimatorLoss, double generatorLoss, double seconds) {}

    private EvaluatorTrainer() {}

    /** Index of the first held-out sample. */
    public static int trainCount(LabelledSamples d, Config c) { return (int) Math.round(d.size() * (1 - c.heldOut())); }

    public static LearnedEvaluator train(LabelledSamples d, Config c, Consumer<Epoch> onEpoch) {
        TorchRuntime.configure();
        DjlSeeds.apply(c.seed());
        HardwareLayout layout = new HardwareLayout(d.costs().key().designSpace());
        int n = trainCount(d, c);
        if (n < 1) throw new IllegalArgumentException("no training samples left after holding out " + c.heldOut());
        LearnedEvaluator.Scaling scaling = scaling(d, n);
        LearnedEvaluator ev = new LearnedEvaluator(d.costs().key().encoding(), layout, scaling, c.hidden());
        Samples s = new Samples(d, layout, scaling);
        List<Parameter> est = Updater.trainable(ev.estimator().getParameters());
        List<Parameter> gen = Updater.trainable(ev.generator().getParameters());
        try (NDManager state = NDManager.newBaseManager()) {
            Updater estOpt = new Updater.Adam(state, 0.9, 0.999, 1e-8);
            Updater genOpt = new Updater.Adam(state, 0.9, 0.999, 1e-8);
            for (int e = 0; e < c.epochs(); e++) {
                long start = System.nanoTime();
                double lr = c.lr() * 0.5 * (1 + Math.cos(Math.PI * e / c.epochs()));
                int[] order = shuffled(n, c.seed() * 31 + e);
                double estSum = 0;
                double genSum = 0;
                for (int from = 0; from < n; from += c.batchSize()) {
                    int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + c.batchSize()));
                    try (NDManager step = state.newSubManager()) {
                        NDArray x = s.arch(step, rows);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray diff = ev.estimate(x, s.config(step, rows), true).sub(s.targets(step, rows));
                            NDArray estLoss = diff.square().mean();
                            NDArray genLoss = crossEntropy(ev.generatorLogits(x, true), s.best(step, rows), layout);
                            gc.backward(estLoss.add(genLoss));
                            try {   // a loss that stopped being a number: stop, and say which setting to lower
                                TrainingDiverged.check(estLoss.getFloat() + genLoss.getFloat(), e, from / c.batchSize(), "--lr", c.lr());
                            } catch (TrainingDiverged diverged) {
                                ev.close();
                                throw diverged;
                            }
                            estSum += estLoss.getFloat() * rows.length;
                            genSum += genLoss.getFloat() * rows.length;
                        }
                        estOpt.step(est, lr);
                        genOpt.step(gen, lr);
                    }
                }
                onEpoch.accept(new Epoch(e, estSum / n, genSum / n, (System.nanoTime() - start) / 1e9));
            }
        }
        return ev;
    }

    /** Sum over parameters of the mean cross-entropy of that parameter's softmax head. */
    static NDArray crossEntropy(NDArray logits, NDArray oneHot, HardwareLayout layout) {
        NDArray total = null;
        for (int j = 0; j < layout.blocks(); j++) {
            String cols = ":, " + layout.offset(j) + ":" + (layout.offset(j) + layout.blockSize(j));
            NDArray ce = logits.get(cols).logSoftmax(1).mul(oneHot.get(cols)).sum(new int[] {1}).mean().neg();
            total = total == null ? ce : total.add(ce);
        }
        return total;
    }

    static LearnedEvaluator.Scaling scaling(LabelledSamples d, int n) {
        double[] mean = new double[3];
        double[] std = new double[3];
        for (int m = 0; m < 3; m++) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double v = Math.log(d.metric(i, m));
                s += v;
                s2 += v * v;
            }
            mean[m] = s / n;
            std[m] = Math.max(1e-6, Math.sqrt(Math.max(0, s2 / n - mean[m] * mean[m])));
        }
        return new LearnedEvaluator.Scaling(mean, std);
    }

    private static int[] shuffled(int n, long seed) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        MathArrays.shuffle(a, new Well19937c(seed));
        return a;
    }

    /** The dataset as network inputs and targets, row by row. */
    static final class Samples {
        private final LabelledSamples d;
        private final HardwareLayout layout;
        private final LearnedEvaluator.Scaling scaling;

        Samples(LabelledSamples d, HardwareLayout layout, LearnedEvaluator.Scaling scaling) {
            this.d = d;
            this.layout = layout;
            this.scaling = scaling;
        }

        NDArray arch(NDManager m, int[] rows) {
            int k = d.costs().key().encoding().length();
            float[] f = new float[rows.length * k];
            for (int r = 0; r < rows.length; r++) d.copyArch(rows[r], f, r * k);
            return m.create(f, new Shape(rows.length, k));
        }

        NDArray config(NDManager m, int[] rows) { return hot(m, rows, d::configIndex); }

        NDArray best(NDManager m, int[] rows) { return hot(m, rows, d::bestConfigIndex); }

        private NDArray hot(NDManager m, int[] rows, java.util.function.IntUnaryOperator index) {
            int[] configs = new int[rows.length];
            for (int r = 0; r < rows.length; r++) configs[r] = index.applyAsInt(rows[r]);
            return m.create(layout.oneHotRows(configs), new Shape(rows.length, layout.width()));
        }

        NDArray targets(NDManager m, int[] rows) {
            float[] f = new float[rows.length * 3];
            for (int r = 0; r < rows.length; r++) {
                for (int j = 0; j < 3; j++) f[r * 3 + j] = (float) ((Math.log(d.metric(rows[r], j)) - scaling.logMean()[j]) / scaling.logStd()[j]);
            }
            return m.create(f, new Shape(rows.length, 3));
        }
    }
}
