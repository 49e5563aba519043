package org.coex.benchmarks;

import java.util.concurrent.TimeUnit;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.systolic.SystolicAccelerator;
import org.coex.accel.template.systolic.SystolicLayerFigures;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.NetworkZoo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Q: how long does one systolic layer evaluation take, on one core? Target: at least 1,000,000 per
 * second per core, i.e. under 1 us. {@code figures} is the cycle/access model alone; {@code evaluate}
 * adds energy and the LayerCost maps a sweep builds. Layer: ResNet-50 layer3.0.conv2 (3x3, 256
 * channels, stride 2). Run: {@code java -jar benchmarks/target/benchmarks.jar SystolicLayerBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SystolicLayerBench {
    @Param({"os", "ws", "is"}) String dataflow;
    private SystolicAccelerator accelerator;
    private Layer layer;

    @Setup(Level.Trial)
    public void setUp() {
        accelerator = new SystolicTemplate().configure(HwConfig.of("rows", 32, "cols", 32, "dataflow", dataflow,
                "ifmap_sram_kb", 128, "filter_sram_kb", 128, "ofmap_sram_kb", 64), TechnologyTables.preset("accelergy-45nm"));
        layer = NetworkZoo.byName("resnet50").orElseThrow().layers().stream()
                .filter(l -> l.name().equals("layer3.0.conv2")).findFirst().orElseThrow();
    }

    @Benchmark
    public SystolicLayerFigures figures() { return accelerator.figures(layer); }

    @Benchmark
    public LayerCost evaluate() { return accelerator.evaluate(layer); }

    /** The floor: reading the layer's MAC count. */
    @Benchmark
    public long baseline() { return layer.macs(); }
}
