package org.coex.evaluator.cube;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.Accelerator;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.workload.Layer;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;

/**
 * Computes a {@link CostCube} with accel-model: every configuration of the design space (in parallel),
 * each distinct layer shape once per configuration (layers of a stage repeat shapes).
 */
public final class CostCubeBuilder {
    /** Above this many configurations the cube is too big to enumerate; narrow the design space. */
    public static final long MAX_CONFIGS = 200_000;

    private CostCubeBuilder() {}

    /** @throws IllegalArgumentException if the design space has more than {@link #MAX_CONFIGS} points */
    public static CostCube build(SearchSpace space, AcceleratorTemplate template, DesignSpace designSpace, TechnologyTable technology,
                                 String technologyName, ProgressListener progress) {
        long n = designSpace.size();
        if (n > MAX_CONFIGS) {
            throw new IllegalArgumentException("the design space has " + n + " configurations; a cost cube enumerates at most " + MAX_CONFIGS + ", so narrow it");
        }
        int configs = (int) n;
        ArchEncoding encoding = space.encoding();
        List<SearchableLayer> layers = space.layers();
        List<Layer> fixed = space.fixedLayers();
        HwConfig[] points = new HwConfig[configs];
        double[] clock = new double[configs];
        double[] area = new double[configs];
        double[] fixedCycles = new double[configs];
        double[] fixedEnergy = new double[configs];
        double[][] cycles = new double[configs][encoding.length()];
        double[][] energy = new double[configs][encoding.length()];
        AtomicLong done = new AtomicLong();
        IntStream.range(0, configs).parallel().forEach(c -> {
            Accelerator acc = template.configure(designSpace.point(c), technology);
            Map<Layer, LayerCost> memo = new HashMap<>();
            points[c] = acc.config();
            clock[c] = acc.clockMhz();
            area[c] = acc.areaUm2().values().stream().mapToDouble(Double::doubleValue).sum() / 1e6;
            for (Layer l : fixed) {
                LayerCost lc = cost(acc, l, memo);
                fixedCycles[c] += lc.cycles();
                fixedEnergy[c] += lc.totalEnergyPj();
            }
            for (SearchableLayer sl : layers) {
                for (int j = 0; j < sl.candidates().size(); j++) {
                    int k = encoding.offset(sl.index()) + j;
                    for (Layer l : sl.accelLayers(sl.candidates().get(j))) {
                        LayerCost lc = cost(acc, l, memo);
                        cycles[c][k] += lc.cycles();
                        energy[c][k] += lc.totalEnergyPj();
                    }
                }
            }
            progress.progress(done.incrementAndGet(), configs);
        });
        return new CostCube(new CostCube.Key(space.fingerprint(), encoding, template.name(), technologyName, designSpace), List.of(points),
                clock, area, fixedCycles, fixedEnergy, cycles, energy);
    }

    private static LayerCost cost(Accelerator acc, Layer l, Map<Layer, LayerCost> memo) {
        return memo.computeIfAbsent(l.withName("shape"), acc::evaluate);
    }
}
