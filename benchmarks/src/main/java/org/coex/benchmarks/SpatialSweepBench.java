package org.coex.benchmarks;

import java.util.concurrent.TimeUnit;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.explore.SweepResult;
import org.coex.accel.explore.SweepSpec;
import org.coex.accel.explore.Sweeps;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.template.spatial.SpatialTemplate;
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
 * Q: how long does a ResNet-18 sweep over 1,200 spatial configurations take on all cores, every
 * layer mapped by the search? Target: under a minute on 2 cores. One shot per fork (a fresh JVM, so
 * the per-layer mapping cache starts empty). Run: {@code java -jar benchmarks/target/benchmarks.jar SpatialSweepBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class SpatialSweepBench {
    /** 5 x 5 x 4 x 2 x 2 x 3 = 1,200 points. */
    static final DesignSpace SPACE = DesignSpace.of(
            Parameter.of("pe_rows", 8, 12, 16, 24, 32),
            Parameter.of("pe_cols", 8, 14, 16, 24, 32),
            Parameter.of("glb_kb", 32, 64, 128, 256),
            Parameter.of("weights_rf_bytes", 192, 384),
            Parameter.of("ifmap_rf_bytes", 12, 24),
            Parameter.of("dataflow", "ws", "os", "rs"));

    private SweepSpec spec;

    @Setup(Level.Trial)
    public void setUp() {
        spec = Fixtures.gridSweep("resnet18", new SpatialTemplate(), "accelergy-65nm", SPACE);
    }

    @Benchmark
    public SweepResult resnet18Spatial() { return Sweeps.run(spec, ProgressListener.NONE); }
}
