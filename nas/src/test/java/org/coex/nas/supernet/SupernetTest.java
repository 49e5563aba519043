package org.coex.nas.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.util.List;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.Op;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;
import org.coex.nas.space.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("djl")
class SupernetTest {
    /** 8x8 grey images, stem 4 channels, stages (8 x2 stride 2), (8 x1): 3 searchable layers, 4 MBConvs + skip. */
    static final SearchSpace TINY = new SearchSpace("tiny", 1, 8, 4, 3, 1, List.of(new Stage(8, 2, 2), new Stage(8, 1, 1)),
            List.of(3, 5), List.of(1, 3), true, 16, 10);

    static Supernet built(NDManager m, PathSampler sampler, long seed) {
        DjlSeeds.apply(seed);
        Supernet net = new Supernet(TINY, sampler);
        net.initialize(m, DataType.FLOAT32, new Shape(4, 1, 8, 8));
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) p.getValue().getArray().setRequiresGradient(true);
        }
        return net;
    }

    static NDArray images(NDManager m) {
        float[] px = new float[4 * 64];
        for (int i = 0; i < px.length; i++) px[i] = (float) Math.sin(i * 0.37);
        return m.create(px, new Shape(4, 1, 8, 8));
    }

    @Test
    void everyCandidateOpKeepsTheLayersShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (SearchableLayer l : TINY.layers()) {
                for (Op op : l.candidates()) {
                    if (op.isSkip()) {
                        assertTrue(l.stride() == 1 && l.inChannels() == l.outChannels());
                        continue;
                    }
                    MbConvBlock b = new MbConvBlock(l.inChannels(), l.outChannels(), op.kernel(), op.expansion(), l.stride(), l.residual());
                    Shape in = new Shape(2, l.inChannels(), l.inSize(), l.inSize());
                    b.initialize(m, DataType.FLOAT32, in);
                    NDArray out = b.forward(new ParameterStore(m, false), new NDList(m.ones(in)), false).singletonOrThrow();
                    assertEquals(new Shape(2, l.outChannels(), l.outSize(), l.outSize()), out.getShape(), l.index() + " " + op);
                }
            }
        }
    }

    @Test
    void gradientsReachAlphaUnderBothStrategies() {
        for (PathSampler.Strategy s : List.of(PathSampler.Strategy.GUMBEL, PathSampler.Strategy.BINARY_GATES)) {
            try (NDManager m = NDManager.newBaseManager()) {
                Supernet net = built(m, new PathSampler(s, 1.0, 3), 3);
                ParameterStore ps = new ParameterStore(m, false);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = net.forward(ps, new NDList(images(m)), true).singletonOrThrow();
                    NDArray loss = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(m.create(new float[] {0, 1, 2, 3})), new NDList(logits));
                    gc.backward(loss);
                }
                for (MixedOp op : net.mixedOps()) {
                    float[] g = op.alpha().getArray().getGradient().toFloatArray();
                    int nonZero = 0;
                    for (float v : g) if (v != 0) nonZero++;
                    int expected = s == PathSampler.Strategy.GUMBEL ? g.length : 2;   // binary gates: the two sampled paths
                    assertEquals(expected, nonZero, s + " layer " + op.layer().index());
                }
            }
        }
    }

    @Test
    void aSampledWeightStepTrainsOnePathPerLayerAndLeavesAlphaAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Supernet net = built(m, new PathSampler(PathSampler.Strategy.SAMPLED, 1.0, 5), 5);
            for (MixedOp op : net.mixedOps()) {   // softmax(alpha) puts all but e^-30 of the mass on candidate 1
                float[] v = new float[op.layer().candidates().size()];
                v[1] = 30;
                op.alpha().getArray().set(v);
            }
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.forward(ps, new NDList(images(m)), true).singletonOrThrow();
                gc.backward(Loss.softmaxCrossEntropyLoss().evaluate(new NDList(m.create(new float[] {0, 1, 2, 3})), new NDList(logits)));
            }
            for (MixedOp op : net.mixedOps()) {
                assertEquals(0f, op.alpha().getArray().getGradient().abs().sum().getFloat(), "alpha of layer " + op.layer().index());
                List<String> trained = op.getChildren().stream()
                        .filter(b -> b.getValue().getParameters().values().stream().anyMatch(p -> p.requiresGradient() && p.getArray().getGradient().abs().sum().getFloat() > 0))
                        .map(b -> b.getKey()).toList();
                assertEquals(List.of(op.layer().candidates().get(1).name()), trained.stream().map(n -> n.replaceFirst("^[0-9]+", "")).toList(),
                        "layer " + op.layer().index());
            }
        }
    }

    @Test
    void derivationTakesTheArgmaxOfEveryLayer() {
        try (NDManager m = NDManager.newBaseManager()) {
            Supernet net = built(m, new PathSampler(PathSampler.Strategy.ARGMAX, 1, 1), 1);
            int[] want = {2, 4, 1};
            for (int i = 0; i < 3; i++) {
                NDArray a = net.mixedOps().get(i).alpha().getArray();
                float[] v = new float[(int) a.size()];
                v[want[i]] = 5;
                a.set(v);
            }
            assertEquals(new Architecture(List.of(2, 4, 1)), net.derive());
            assertEquals(new Shape(4, 10), net.forward(new ParameterStore(m, false), new NDList(images(m)), false).singletonOrThrow().getShape());
        }
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndPaths() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] a = logits(m, 11);
            float[] b = logits(m, 11);
            float[] c = logits(m, 12);
            assertArrayEquals(a, b);
            assertTrue(!java.util.Arrays.equals(a, c));
        }
    }

    static float[] logits(NDManager m, long seed) {
        Supernet net = built(m, new PathSampler(PathSampler.Strategy.BINARY_GATES, 1, seed), seed);
        return net.forward(new ParameterStore(m, false), new NDList(images(m)), true).singletonOrThrow().toFloatArray();
    }
}
