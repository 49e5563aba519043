package org.coex.nas.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import org.coex.nas.supernet.TorchRuntime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("djl")
class SmoothedCrossEntropyTest {
    @Test
    void withoutSmoothingItIsDjlsCrossEntropyAndWithItTheMixtureOfTrueClassAndUniformTargets() {
        TorchRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] logits = {{2, 0, -1}, {0.5f, 0.5f, 3}};
            float[] labels = {0, 1};
            NDList y = new NDList(m.create(labels));
            NDList p = new NDList(m.create(logits));
            assertEquals(Loss.softmaxCrossEntropyLoss().evaluate(y, p).getFloat(), new SmoothedCrossEntropy(0).evaluate(y, p).getFloat(), 1e-6);
            double expected = 0;
            for (int i = 0; i < 2; i++) {
                double norm = 0;
                for (float z : logits[i]) norm += Math.exp(z);
                double trueClass = -(logits[i][(int) labels[i]] - Math.log(norm));
                double uniform = 0;
                for (float z : logits[i]) uniform += -(z - Math.log(norm)) / 3;
                expected += (0.9 * trueClass + 0.1 * uniform) / 2;
            }
            NDArray smoothed = new SmoothedCrossEntropy(0.1).evaluate(y, p);
            assertEquals(expected, smoothed.getFloat(), 1e-5);
        }
    }
}
