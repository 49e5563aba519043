package org.coex.nas.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coex.nas.data.Normalization;
import org.coex.accel.explore.ProgressListener;
import org.coex.nas.space.Architecture;
import org.coex.nas.train.Batches;
import org.coex.nas.train.SearchTrainerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("djl")
class RetrainerTest {

    @Test
    void aDerivedNetworkLearnsFromScratchAndSkipsDropTheirLayers() {
        Architecture a = new Architecture(List.of(0, 4, 1));   // layer 1 is skip in the tiny space
        assertEquals(2, new DerivedNet(SearchTrainerTest.TINY, a).getChildren().keys().stream().filter(k -> k.contains("layer")).count());
        Batches train = new Batches(SearchTrainerTest.synthetic(96, 1), 16, Normalization.grey(0.3, 0.3), 0, false);
        Batches test = new Batches(SearchTrainerTest.synthetic(32, 3), 16, Normalization.grey(0.3, 0.3), 0, false);
        try (Retrainer r = new Retrainer(SearchTrainerTest.TINY, a, new RetrainConfig(8, 16, 0.1, 0.9, 1e-4, 0.1, 1, 0, false, 2))) {
            Retrainer.Epoch first = r.runEpoch(train, ProgressListener.NONE);
            Retrainer.Epoch last = first;
            for (int e = 1; e < 8; e++) last = r.runEpoch(train, ProgressListener.NONE);
            assertTrue(last.loss() < 0.5 * first.loss(), first + " -> " + last);
            assertTrue(r.accuracy(test) >= 0.9, "test accuracy " + r.accuracy(test));
        }
    }
}
