package org.coex.evaluator.data;

import java.util.List;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.evaluator.cube.ConfigRow;
import org.coex.evaluator.cube.CostCube;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The best configuration of a cost cube for each of many op-probability vectors, by exhaustive search:
 * for a batch of term weights A = w(P) (n x T, {@link org.coex.nas.space.CostTerms}) the latency and
 * energy of every configuration are the matrix products A L^T + fixed (n x C), so a batch costs two
 * BLAS calls. Best = least objective among the
 * configurations meeting every hard limit; when none does, least total relative violation
 * (limits in {@link HardLimit}'s sense), ties by objective. Thread-safe.
 */
public final class OptimalConfigs implements Optima {
    private static final long CELLS_PER_CHUNK = 1L << 22;
    private static final double INFEASIBLE = 1e30;
    /** One chunk's arrays; sized by the first chunk, then reused (a larger chunk spills, not fails). */
    private static final WorkspaceConfiguration CHUNK_WORKSPACE = WorkspaceConfiguration.builder()
            .policyLearning(LearningPolicy.FIRST_LOOP).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policySpill(SpillPolicy.REALLOCATE).policyReset(ResetPolicy.BLOCK_LEFT).build();

    private final CostCube cube;
    private final Objective objective;
    private final List<HardLimit> limits;
    private final INDArray latencyT;
    private final INDArray energyT;
    private final INDArray fixedLatency;
    private final INDArray fixedEnergy;
    private final INDArray area;

    public OptimalConfigs(CostCube cube, Objective objective, List<HardLimit> limits) {
        this.cube = cube;
        this.objective = objective;
        this.limits = List.copyOf(limits);
        int c = cube.configCount();
        double[][] lat = new double[c][];
        double[][] en = new double[c][];
        double[] fl = new double[c];
        double[] fe = new double[c];
        double[] ar = new double[c];
        for (int i = 0; i < c; i++) {
            ConfigRow row = cube.row(i);
            lat[i] = row.latencyRow();
            en[i] = row.energyRow();
            fl[i] = row.fixedLatencyMs();
            fe[i] = row.fixedEnergyUj();
            ar[i] = row.areaMm2();
        }
        this.latencyT = Nd4j.create(lat).transpose().dup();
        this.energyT = Nd4j.create(en).transpose().dup();
        this.fixedLatency = Nd4j.create(fl, 1, c);
        this.fixedEnergy = Nd4j.create(fe, 1, c);
        this.area = Nd4j.create(ar, 1, c);
    }

    @Override public String method() { return "exhaustive"; }

    @Override public Choice[] best(double[][] probabilities) {
        Choice[] out = new Choice[probabilities.length];
        int rows = (int) Math.max(1, CELLS_PER_CHUNK / cube.configCount());
        for (int from = 0; from < probabilities.length; from += rows) {
            int to = Math.min(probabilities.length, from + rows);
            double[][] chunk = java.util.Arrays.copyOfRange(probabilities, from, to);
            long[] best = bestOfChunk(chunk);
            for (int r = 0; r < chunk.length; r++) {
                int c = (int) best[r];
                Metrics m = cube.metrics(c, chunk[r]);
                out[from + r] = new Choice(c, limits.stream().allMatch(l -> l.isMet(m)), m);
            }
        }
        return out;
    }

    /**
     * The chunk's best configurations. Every n x C array lives in a workspace that is reused chunk
     * after chunk: ND4J otherwise frees off-heap memory only when the garbage collector finds the
     * array, and a nearly empty heap is seldom collected, so chunks piled up (4 GB for 5,000 samples x
     * 9,600 configurations; the kernel killed a run of 50,000).
     */
    private long[] bestOfChunk(double[][] chunk) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CHUNK_WORKSPACE, "optimal-configs")) {
            double[][] weights = new double[chunk.length][];
            for (int r = 0; r < chunk.length; r++) weights[r] = cube.terms().weights(chunk[r]);
            INDArray a = Nd4j.create(weights);
            INDArray lat = a.mmul(latencyT).addiRowVector(fixedLatency);
            INDArray en = a.mmul(energyT).addiRowVector(fixedEnergy);
            INDArray ar = Nd4j.zeros(lat.dataType(), lat.shape()).addiRowVector(area);
            INDArray score = Nd4j.zeros(lat.dataType(), lat.shape());
            for (var w : objective.weights().entrySet()) score.addi(metric(w.getKey(), lat, en, ar).mul(w.getValue()));
            INDArray violation = Nd4j.zeros(lat.dataType(), lat.shape());
            for (HardLimit l : limits) {
                INDArray over = l.metric() == Metrics.Name.FPS
                        ? lat.rdiv(1000.0).rsubi(l.bound())
                        : metric(l.metric(), lat, en, ar).sub(l.bound());
                violation.addi(Transforms.max(over, 0.0, false).divi(l.bound()));
            }
            score.addi(violation.muli(INFEASIBLE));
            return Nd4j.argMin(score, 1).toLongVector();
        }
    }

    private static INDArray metric(Metrics.Name name, INDArray lat, INDArray en, INDArray ar) {
        return switch (name) {
            case LATENCY -> lat;
            case ENERGY -> en;
            case AREA -> ar;
            case EDP -> lat.mul(en);
            case FPS -> throw new IllegalArgumentException("minimize latency instead of fps");
        };
    }
}
