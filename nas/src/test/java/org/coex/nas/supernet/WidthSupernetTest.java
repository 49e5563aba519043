package org.coex.nas.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.util.List;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.WidthSpaces;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("djl")
class WidthSupernetTest {
    static final SearchSpace SPACE = WidthSpaces.TINY;

    static Supernet built(NDManager m, PathSampler sampler) {
        DjlSeeds.apply(4);
        Supernet net = new Supernet(SPACE, sampler);
        net.initialize(m, DataType.FLOAT32, new Shape(4, 1, 8, 8));
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) p.getValue().getArray().setRequiresGradient(true);
        }
        return net;
    }

    @Test
    void gradientsReachTheWidthAlphasUnderBothStrategies() {
        for (PathSampler.Strategy s : List.of(PathSampler.Strategy.GUMBEL, PathSampler.Strategy.BINARY_GATES)) {
            try (NDManager m = NDManager.newBaseManager()) {
                Supernet net = built(m, new PathSampler(s, 1.0, 3));
                assertEquals(5 + 2, net.choices().size());   // 5 layers, stages 0 and 1 search their width
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = net.forward(new ParameterStore(m, false), new NDList(SupernetTest.images(m)), true).singletonOrThrow();
                    gc.backward(Loss.softmaxCrossEntropyLoss().evaluate(new NDList(m.create(new float[] {0, 1, 2, 3})), new NDList(logits)));
                }
                for (ArchitectureChoice c : net.choices().subList(5, 7)) {
                    float[] g = c.alpha().getArray().getGradient().toFloatArray();
                    int nonZero = 0;
                    for (float v : g) if (v != 0) nonZero++;
                    assertEquals(s == PathSampler.Strategy.GUMBEL ? g.length : 2, nonZero, s + " " + c);
                }
            }
        }
    }

    /** With a width fixed, the channels above it are masked out: weights that only feed them change nothing; one inside does. */
    @Test
    void aFixedNarrowWidthIgnoresTheWeightsOfTheChannelsAboveIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            Supernet net = built(m, new PathSampler(PathSampler.Strategy.ARGMAX, 1, 1));
            Architecture narrow = new Architecture(List.of(1, 0, 1, 0, 0), List.of(0, 0, 0));   // k3 e3 everywhere it matters; 4, 8, 16 channels
            try (Supernet.Fixed f = net.fixTo(narrow)) {
                float[] before = logits(net, m);
                perturb(net, "layer0_", "mbconv_k3_e3", "project_weight", new NDIndex("4:"));     // stage 0's outputs 4..7
                perturb(net, "layer2_", "mbconv_k3_e3", "expand_weight", new NDIndex("12:"));     // hidden above 3 x 4
                assertArrayEquals(before, logits(net, m));
                perturb(net, "layer2_", "mbconv_k3_e3", "project_weight", new NDIndex("0:8"));    // inside stage 1's 8
                assertFalse(java.util.Arrays.equals(before, logits(net, m)));
            }
        }
    }

    @Test
    void derivationTakesTheArgmaxOfEveryWidth() {
        try (NDManager m = NDManager.newBaseManager()) {
            Supernet net = built(m, new PathSampler(PathSampler.Strategy.ARGMAX, 1, 1));
            net.choices().get(6).alpha().getArray().set(new float[] {0, 0, 3});
            Architecture a = net.derive();
            assertEquals(List.of(0, 2, 0), a.widths());
            assertEquals(List.of(4, 16, 16), a.stageChannels(SPACE));
        }
    }

    private static float[] logits(Supernet net, NDManager m) {
        return net.forward(new ParameterStore(m, false), new NDList(SupernetTest.images(m)), false).singletonOrThrow().toFloatArray();
    }

    private static void perturb(Supernet net, String layer, String op, String weight, NDIndex rows) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            String name = p.getKey();
            if (name.contains(layer) && name.contains(op) && name.endsWith(weight)) {
                NDArray w = p.getValue().getArray();
                w.set(rows, 0.7f);
                return;
            }
        }
        throw new AssertionError("no parameter " + layer + op + weight);
    }
}
