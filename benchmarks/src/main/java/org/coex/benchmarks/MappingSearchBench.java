package org.coex.benchmarks;

import java.util.concurrent.TimeUnit;
import org.coex.accel.mapping.MapSpace;
import org.coex.accel.mapping.MappingSearch;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.spatial.SpatialAccelerator;
import org.coex.accel.template.spatial.SpatialTemplate;
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
 * Q: how long does the mapping search take for one layer on the default spatial configuration
 * (12 x 14 RS, Eyeriss-sized buffers), without the per-layer cache? Target: median under 5 ms over
 * ResNet-18's layer shapes. Run: {@code java -jar benchmarks/target/benchmarks.jar MappingSearchBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MappingSearchBench {
    @Param({"conv1", "layer1.0.conv1", "layer2.0.conv1", "layer2.0.downsample", "layer3.0.conv2", "layer4.1.conv2", "fc"})
    String layer;
    @Param({"ws", "os", "rs"})
    String dataflow;
    private ConvProblem problem;
    private SpatialAccelerator accelerator;
    private MapSpace space;

    @Setup(Level.Trial)
    public void setUp() {
        Layer l = NetworkZoo.byName("resnet18").orElseThrow().layers().stream().filter(x -> x.name().equals(layer))
                .findFirst().orElseThrow();
        problem = ConvProblem.of(l);
        accelerator = new SpatialTemplate().configure(HwConfig.of("dataflow", dataflow), TechnologyTables.preset("accelergy-65nm"));
        space = accelerator.params().dataflow().mapSpace(accelerator.params().peRows(), accelerator.params().peCols());
    }

    @Benchmark
    public MappingSearch.Result search() {
        return MappingSearch.search(problem, accelerator.architecture(), space, accelerator.params().mappingMetric()).orElseThrow();
    }
}
