package org.coex.benchmarks;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.DesignSpaceFiles;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.cube.CostCubeBuilder;
import org.coex.evaluator.cube.OnDemandCosts;
import org.coex.evaluator.data.ArchSampler;
import org.coex.evaluator.data.OptimalConfigs;
import org.coex.evaluator.data.Optima;
import org.coex.evaluator.data.SolverOptima;
import org.coex.nas.space.SearchSpace;

/**
 * How good and how fast the solver's optimal-configuration labels are (the labels `coex evaluator
 * generate` makes for design spaces too large to enumerate), measured on a systolic design space that
 * can still be enumerated: for N architecture vectors of the default search space, the solver's
 * choice (on-demand costs, given budget) against the exhaustive optimum of the cost cube. Prints the
 * mean regret, the share within 1 % and 2 %, and seconds per label. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.coex.benchmarks.SolverLabelRun SPACE.yaml N BUDGET [area limit mm2]}
 */
public final class SolverLabelRun {
    private SolverLabelRun() {}

    public static void main(String[] args) {
        SystolicTemplate t = new SystolicTemplate();
        TechnologyTable tech = TechnologyTables.preset(TechnologyTables.DEFAULT);
        DesignSpace ds = DesignSpaceFiles.load(Path.of(args[0]), t, tech);
        int n = Integer.parseInt(args[1]);
        long budget = Long.parseLong(args[2]);
        List<HardLimit> limits = args.length > 3 ? List.of(new HardLimit(Metrics.Name.AREA, Double.parseDouble(args[3]))) : List.of();
        SearchSpace space = SearchSpace.fashionMnistDefault();
        Objective latency = Objective.of(Metrics.Name.LATENCY);
        long start = System.nanoTime();
        CostCube cube = CostCubeBuilder.build(space, t, ds, tech, TechnologyTables.DEFAULT, ProgressListener.NONE);
        System.out.printf("cube: %,d configurations in %.1f s%n", cube.configCount(), (System.nanoTime() - start) / 1e9);
        ArchSampler sampler = new ArchSampler(space.encoding(), new Well19937c(1));
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) p[i] = sampler.draw(ArchSampler.Kind.values()[i % 3]);
        Optima.Choice[] exact = new OptimalConfigs(cube, latency, limits).best(p);
        OnDemandCosts lazy = new OnDemandCosts(space, t, ds, tech, TechnologyTables.DEFAULT);
        start = System.nanoTime();
        Optima.Choice[] solver = new SolverOptima(lazy, latency, limits, budget, 1).best(p);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < Math.min(3, n); i++) {
            System.out.printf("  optimum %s %.5f ms; solver %s %.5f ms%n", cube.config(exact[i].config()), exact[i].metrics().latencyMs(),
                    cube.config(solver[i].config()), solver[i].metrics().latencyMs());
        }
        double regret = 0;
        int within1 = 0;
        int within2 = 0;
        int feasibleBoth = 0;
        for (int i = 0; i < n; i++) {
            if (exact[i].feasible() != solver[i].feasible()) continue;
            feasibleBoth++;
            double r = solver[i].metrics().latencyMs() / exact[i].metrics().latencyMs() - 1;
            regret += r;
            if (r <= 0.01) within1++;
            if (r <= 0.02) within2++;
        }
        System.out.printf("%d architectures, budget %d%s: same feasibility %d; mean regret %.3f %%, within 1 %% %.1f %%, within 2 %% %.1f %%; "
                + "%.2f s per label (one thread), %,d configurations costed%n", n, budget, limits.isEmpty() ? "" : ", " + limits, feasibleBoth,
                100 * regret / Math.max(1, feasibleBoth), 100.0 * within1 / n, 100.0 * within2 / n, seconds / n, lazy.computed());
    }
}
