package org.coex.nas.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coex.nas.data.Normalization;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.Accelerator;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.supernet.PathSampler;
import org.coex.nas.train.Batches;
import org.coex.nas.train.SearchConfig;
import org.coex.nas.train.SearchTrainer;
import org.coex.nas.train.SearchTrainerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CostTableTest {
    static final SearchSpace SPACE = SearchSpace.fashionMnistDefault();
    static final Accelerator ACC = new SystolicTemplate().configure(HwConfig.of("rows", 16, "cols", 16, "dram_words_per_cycle", 0),
            TechnologyTables.preset("accelergy-45nm"));

    @Test
    void anArchitecturesTableCostIsItsNetworksCostOnTheAccelerator() {
        CostTable latency = CostTable.build(SPACE, ACC, Metrics.Name.LATENCY);
        CostTable energy = CostTable.build(SPACE, ACC, Metrics.Name.ENERGY);
        Architecture a = new Architecture(List.of(5, 6, 0, 6, 1, 2, 6, 3, 4, 6));
        Metrics truth = ACC.evaluate(a.toNetwork(SPACE)).metrics();
        assertEquals(truth.latencyMs(), latency.of(a, SPACE), 1e-9 * truth.latencyMs());
        assertEquals(truth.energyUj(), energy.of(a, SPACE), 1e-9 * truth.energyUj());
        double[] entries = latency.entries();
        int layer1 = SPACE.encoding().offset(1);
        assertEquals(0, entries[layer1 + 6]);         // skip costs nothing
        assertTrue(entries[5] > entries[0]);          // layer 0: k7 e6 slower than k3 e3
    }

    @Test
    void inAWidthSpaceEveryArchitecturesTableCostIsItsNetworksCost() {
        SearchSpace space = org.coex.nas.space.WidthSpaces.TINY;
        CostTable latency = CostTable.build(space, ACC, Metrics.Name.LATENCY);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int n = 0; n < 20; n++) {
            Architecture a = org.coex.nas.space.WidthSpaces.random(space, rng);
            double truth = ACC.evaluate(a.toNetwork(space)).metrics().latencyMs();
            assertEquals(truth, latency.of(a, space), 1e-9 * truth, a.toString());
        }
    }

    @Test
    @Tag("djl")
    void lambdaPushesAlphaTowardCheaperOps() {
        Batches train = new Batches(SearchTrainerTest.synthetic(64, 1), 16, Normalization.grey(0.3, 0.3), 0, false);
        Batches val = new Batches(SearchTrainerTest.synthetic(32, 2), 16, Normalization.grey(0.3, 0.3), 0, false);
        CostTable table = CostTable.build(SearchTrainerTest.TINY, ACC, Metrics.Name.LATENCY);
        double[] cost = new double[2];
        for (int run = 0; run < 2; run++) {
            SearchConfig c = new SearchConfig(5, 1, 16, 0.05, 0.9, 1e-4, 0.05, PathSampler.Strategy.GUMBEL, 1.0, 1.0, 0, false, 9,
                    run == 0 ? 0 : 5.0);
            try (SearchTrainer t = new SearchTrainer(SearchTrainerTest.TINY, c)) {
                t.useCostTable(table);
                for (int e = 0; e < 5; e++) t.runEpoch(train, val);
                cost[run] = t.expectedCost();
            }
        }
        assertTrue(cost[1] < 0.95 * cost[0], "lambda 0: " + cost[0] + " ms, lambda 5: " + cost[1] + " ms");
    }
}
