package org.coex.benchmarks;

import java.util.concurrent.TimeUnit;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.explore.SweepResult;
import org.coex.accel.explore.SweepSpec;
import org.coex.accel.explore.Sweeps;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Q: how long does a full-grid sweep of ResNet-50 (54 layers) over 13,824 systolic configurations
 * take on all cores, Pareto front included? Target: under 10 s on 2 cores. That is 746,496 layer
 * evaluations. Run: {@code java -jar benchmarks/target/benchmarks.jar SweepBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class SweepBench {
    /** 6 x 6 x 3 x 4 x 4 x 4 x 2 = 13,824 points. */
    static final DesignSpace SPACE = DesignSpace.of(
            Parameter.of("rows", 8, 16, 32, 64, 128, 256),
            Parameter.of("cols", 8, 16, 32, 64, 128, 256),
            Parameter.of("dataflow", "os", "ws", "is"),
            Parameter.of("ifmap_sram_kb", 64, 128, 256, 512),
            Parameter.of("filter_sram_kb", 64, 128, 256, 512),
            Parameter.of("ofmap_sram_kb", 32, 64, 128, 256),
            Parameter.of("dram_words_per_cycle", 8, 32));

    private SweepSpec spec;

    @Setup(Level.Trial)
    public void setUp() {
        spec = Fixtures.gridSweep("resnet50", new SystolicTemplate(), "accelergy-45nm", SPACE);
    }

    @Benchmark
    public SweepResult resnet50FullGrid() { return Sweeps.run(spec, ProgressListener.NONE); }
}
