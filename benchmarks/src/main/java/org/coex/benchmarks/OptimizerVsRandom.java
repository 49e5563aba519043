package org.coex.benchmarks;

import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.HwOptimizer;
import org.coex.accel.optimize.Objective;
import org.coex.accel.optimize.OptimizeProblem;
import org.coex.accel.optimize.OptimizeResult;
import org.coex.accel.optimize.RandomSearch;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.accel.workload.NetworkZoo;

/**
 * Experiment driver (not JMH: the figure is solution quality, not time). Q: with the same number
 * of distinct cost-model evaluations, does the Timefold optimizer find better configurations than
 * random search on a large space? ResNet-50 on a 62,208-point systolic space, minimizing EDP under
 * area <= 3 mm2 and fps >= 200, budgets 200 and 1,000, 10 seeds each; the exhaustive optimum is
 * computed once for reference. Run: {@code java -cp benchmarks/target/benchmarks.jar org.coex.benchmarks.OptimizerVsRandom}
 */
public final class OptimizerVsRandom {
    static final DesignSpace SPACE = DesignSpace.of(
            Parameter.of("rows", 8, 16, 32, 64, 128, 256),
            Parameter.of("cols", 8, 16, 32, 64, 128, 256),
            Parameter.of("dataflow", "os", "ws", "is"),
            Parameter.of("ifmap_sram_kb", 32, 64, 128, 256, 512, 1024),
            Parameter.of("filter_sram_kb", 32, 64, 128, 256, 512, 1024),
            Parameter.of("ofmap_sram_kb", 16, 32, 64, 128),
            Parameter.of("dram_words_per_cycle", 8, 16, 32, 64));

    private OptimizerVsRandom() {}

    static OptimizeProblem problem() {
        return new OptimizeProblem(NetworkZoo.byName("resnet50").orElseThrow(), new SystolicTemplate(),
                TechnologyTables.preset("accelergy-45nm"), SPACE, HwConfig.of(), Objective.of(Metrics.Name.EDP),
                List.of(new HardLimit(Metrics.Name.AREA, 3), new HardLimit(Metrics.Name.FPS, 200)));
    }

    public static void main(String[] args) {
        OptimizeResult optimum = HwOptimizer.optimize(problem(), SPACE.size(), 1);
        System.out.printf("space %,d points; exhaustive optimum EDP %.2f uJ*ms (%s)%n", SPACE.size(), optimum.best().objective(),
                optimum.best().config());
        for (long budget : new long[] {200, 1000}) {
            int wins = 0, ties = 0;
            double sumTimefold = 0, sumRandom = 0;
            for (long seed = 1; seed <= 10; seed++) {
                OptimizeResult t = HwOptimizer.optimize(problem(), budget, seed);
                OptimizeResult r = RandomSearch.optimize(problem(), budget, seed);
                double ot = t.feasible() ? t.best().objective() : Double.POSITIVE_INFINITY;
                double or = r.feasible() ? r.best().objective() : Double.POSITIVE_INFINITY;
                if (ot < or) wins++;
                else if (ot == or) ties++;
                sumTimefold += ot / optimum.best().objective();
                sumRandom += or / optimum.best().objective();
                System.out.printf("budget %4d seed %2d: timefold %.2f (%d evals)  random %.2f (%d evals)%n", budget, seed, ot,
                        t.evaluations(), or, r.evaluations());
            }
            System.out.printf("budget %d: timefold better in %d/10 (ties %d); mean ratio to optimum: timefold %.4f, random %.4f%n",
                    budget, wins, ties, sumTimefold / 10, sumRandom / 10);
        }
    }
}
