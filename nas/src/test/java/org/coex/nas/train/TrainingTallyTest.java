package org.coex.nas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import org.coex.nas.retrain.SmoothedCrossEntropy;
import org.coex.nas.supernet.TorchRuntime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("djl")
class TrainingTallyTest {
    /** The "network" passes its input through, so a batch's images are its logits. */
    private static final LambdaBlock LOGITS_AS_GIVEN = new LambdaBlock(x -> x);

    private static double crossEntropy(float[] logits, int label) {
        double norm = 0;
        for (float z : logits) norm += Math.exp(z);
        return Math.log(norm) - logits[label];
    }

    private static NDList batch(NDManager m, float[][] logits, float[] labels) {
        NDArray x = m.create(logits);
        x.setRequiresGradient(true);
        return new NDList(x, m.create(labels));
    }

    @Test
    void lossAndAccuracyAreMeansOverImagesNotOverBatches() {
        TorchRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            TrainingTally tally = new TrainingTally("--lr", 0.1);
            float[][] a = {{2, 0, -1}};
            float[][] b = {{0.5f, 0.5f, 3}, {1, 0, 0}, {0, 4, 0}};
            tally.forwardBackward(LOGITS_AS_GIVEN, ps, batch(m, a, new float[] {0}), new SmoothedCrossEntropy(0), 0, 0);
            tally.forwardBackward(LOGITS_AS_GIVEN, ps, batch(m, b, new float[] {1, 0, 1}), new SmoothedCrossEntropy(0), 0, 1);
            double expected = (crossEntropy(a[0], 0) + crossEntropy(b[0], 1) + crossEntropy(b[1], 0) + crossEntropy(b[2], 1)) / 4;
            assertEquals(expected, tally.meanLoss(), 1e-5);
            assertEquals(3.0 / 4, tally.accuracy(), 0, "right: a's only image, b's second and third");
        }
    }

    @Test
    void theBackwardPassLeavesTheLossGradientInTheInputs() {
        TorchRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            NDList one = batch(m, new float[][] {{2, 0, -1}}, new float[] {0});
            new TrainingTally("--lr", 0.1).forwardBackward(LOGITS_AS_GIVEN, new ParameterStore(m, false), one, new SmoothedCrossEntropy(0), 0, 0);
            double norm = Math.exp(2) + 1 + Math.exp(-1);
            float[] softmaxMinusOneHot = {(float) (Math.exp(2) / norm - 1), (float) (1 / norm), (float) (Math.exp(-1) / norm)};
            assertArrayEquals(softmaxMinusOneHot, one.get(0).getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void aLossThatIsNotANumberNamesTheLearningRateToLower() {
        TorchRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            NDList broken = batch(m, new float[][] {{Float.NaN, 0, 0}}, new float[] {0});
            TrainingTally tally = new TrainingTally("weight_lr", 0.5);
            TrainingDiverged e = assertThrows(TrainingDiverged.class,
                    () -> tally.forwardBackward(LOGITS_AS_GIVEN, new ParameterStore(m, false), broken, new SmoothedCrossEntropy(0), 2, 6));
            assertTrue(e.getMessage().contains("epoch 3, step 7") && e.getMessage().contains("lower weight_lr (now 0.5)"), e.getMessage());
        }
    }

    @Test
    void aRowCountsAsRightWhenItsLargestLogitIsAtItsLabel() {
        TorchRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[][] {{1, 2, 0}, {3, 0, 0}, {0, 0, 5}});
            assertEquals(2, TrainingTally.correct(logits, m.create(new float[] {1, 2, 2})));
        }
    }
}
