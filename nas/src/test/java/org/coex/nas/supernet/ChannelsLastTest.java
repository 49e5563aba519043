package org.coex.nas.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("djl")
class ChannelsLastTest {
    @Test
    void keepsShapeAndValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(2 * 3 * 4 * 5).toType(DataType.FLOAT32, false).reshape(2, 3, 4, 5);
            NDArray y = ChannelsLast.of(x);
            assertEquals(x.getShape(), y.getShape());
            assertArrayEquals(x.toFloatArray(), y.toFloatArray());
        }
    }

    /** Outputs and every gradient (input and parameters) of an MBConv agree whichever layout its input has. */
    @Test
    void anMbConvComputesTheSameOnChannelsLastInput() {
        TorchRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(4, 8, 5, 5);
            NDArray x = m.randomNormal(shape);
            List<float[]> plain = outputAndGradients(m, block(m, shape), x);
            List<float[]> last = outputAndGradients(m, block(m, shape), ChannelsLast.of(x));
            assertEquals(plain.size(), last.size());
            for (int i = 0; i < plain.size(); i++) assertArrayEquals(plain.get(i), last.get(i), 1e-4f, "array " + i);
        }
    }

    /** The same freshly initialized block every call, so that gradients do not accumulate across passes. */
    private static MbConvBlock block(NDManager m, Shape shape) {
        DjlSeeds.apply(7);
        MbConvBlock block = new MbConvBlock(8, 8, 5, 3, 1, true);
        block.initialize(m, DataType.FLOAT32, shape);
        return block;
    }

    private static List<float[]> outputAndGradients(NDManager m, MbConvBlock block, NDArray input) {
        NDArray x = input.duplicate();
        x.setRequiresGradient(true);
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
                params.add(p.getValue());
            }
        }
        List<float[]> out = new ArrayList<>();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            gc.backward(y.mul(y).sum());
            out.add(y.toFloatArray());
        }
        out.add(x.getGradient().toFloatArray());
        for (Parameter p : params) out.add(p.getArray().getGradient().toFloatArray());
        return out;
    }
}
