package org.coex.accel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coex.accel.spec.OptionChecks;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.cost.Metrics;
import org.coex.accel.cost.NetworkCost;
import java.util.Map;
import org.coex.accel.interop.NetworkFiles;
import org.coex.accel.interop.OutputDirectory;
import org.coex.accel.interop.TimeloopExport;
import org.coex.accel.interop.TimeloopStyle;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.interop.ScaleSimConfigs;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.Accelerator;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.Templates;
import org.coex.accel.template.spatial.SpatialAccelerator;
import org.coex.accel.template.systolic.SystolicParams;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.accel.workload.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coex cost}: one network on one accelerator configuration. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        header = "Cost one network on one accelerator configuration.",
        footer = {"", "Examples:", "  coex cost resnet50 --set rows=64 --set cols=64 --set dataflow=ws --layers", "  coex cost resnet18 --template spatial --set dataflow=rs --mappings"},
        description = "Cost one network on one accelerator configuration: latency, energy, area, per layer on request.")
public final class CostCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NETWORK", description = "built-in name (alexnet, vgg16, resnet18, resnet50, mobilenetv2) or a .yaml/.json/.csv file")
    String network;
    @Option(names = "--template", defaultValue = "systolic", description = "accelerator template: systolic, spatial, or one a plugin adds")
    String template;
    @Option(names = "--technology", defaultValue = TechnologyTables.DEFAULT, description = "technology preset or YAML table")
    String technology;
    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a hardware parameter, e.g. --set rows=64 --set dataflow=os")
    List<String> settings = new ArrayList<>();
    @Option(names = "--batch", defaultValue = "1", description = "batch size")
    int batch;
    @Option(names = "--layers", description = "print one line per layer")
    boolean layers;
    @Option(names = "--mappings", description = "print each layer's mapping in Timeloop's notation (spatial template)")
    boolean mappings;
    @Option(names = "--export-timeloop", paramLabel = "DIR",
            description = "write each layer's architecture, problem, mapping, ERT, ART and mapper settings as Timeloop YAML into DIR/<layer>/, "
                + "with coex's own figures for that mapping in coex-timeloop.json (spatial template; grouped layers: one group)")
    Path exportTimeloop;
    @Option(names = "--timeloop-style", defaultValue = "v4", paramLabel = "v3|v4",
            description = "key spelling of the exported problem and mapper files: v3 for Timeloop v3.0.x (data-spaces, num-threads), "
                + "v4 for Timeloop v4's front end (data_spaces, num_threads; default)")
    String timeloopStyle;
    @Option(names = "--export-scalesim-cfg", paramLabel = "FILE", description = "also write the configuration as a SCALE-Sim .cfg")
    Path exportCfg;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        AcceleratorTemplate t = Templates.byName(template).orElseThrow(() -> Cli.usage("--template",
                "unknown template '" + template + "'; installed: " + String.join(", ", Templates.names())));
        OptionChecks.atLeast("--batch", batch, 1);
        Network net = NetworkFiles.resolve(network, null).withBatch(batch);
        TechnologyTable tech = TechnologyTables.resolve(technology, null);
        HwConfig config = Cli.settings(settings);
        Accelerator acc;
        try {
            acc = t.configure(config, tech);
        } catch (IllegalArgumentException e) {
            throw Cli.usage("--set", e.getMessage());
        }
        if (mappings && !(acc instanceof SpatialAccelerator)) throw Cli.usage("--mappings", "only the spatial template maps layers; add --template spatial");
        String cfgText = null;
        if (exportCfg != null) {
            if (!t.name().equals(SystolicTemplate.NAME)) throw Cli.usage("--export-scalesim-cfg", "only the systolic template has a SCALE-Sim equivalent");
            try {
                cfgText = ScaleSimConfigs.write(SystolicParams.from(acc.config()), net.name() + "_coex");
            } catch (IllegalArgumentException e) {
                throw Cli.usage("--export-scalesim-cfg", e.getMessage());
            }
        }
        NetworkCost cost;
        try {
            cost = acc.evaluate(net);
        } catch (IllegalArgumentException e) {
            String option = settings.isEmpty() ? "--template" : "--set";
            boolean builtIn = t.name().equals(SystolicTemplate.NAME) || t.name().equals("spatial");
            throw Cli.usage(option, e.getMessage() + (builtIn ? "; enlarge the buffers or pick another dataflow"
                    : " (template '" + t.name() + "' refused this configuration; choose other parameters with --set)"));
        }
        Metrics m = cost.metrics();
        out.printf("%s on %s [%s], %s%n", net.name(), t.name(), acc.config(), tech.name());
        if (layers) {
            out.printf("%-28s %14s %14s %10s %14s%n", "layer", "MACs", "cycles", "util %", "energy uJ");
            for (LayerCost l : cost.layers()) {
                out.printf("%-28s %,14d %,14d %10.2f %14.4f%n", l.layer(), l.macs(), l.cycles(), 100 * l.utilization(),
                        l.totalEnergyPj() / 1e6);
            }
        }
        if (mappings && acc instanceof SpatialAccelerator spatial) {
            for (var l : net.layers()) {
                out.println("mapping of " + l.name() + (l.groups() > 1 ? " (one of " + l.groups() + " groups)" : "") + ":");
                out.print(spatial.mapping(l).mapping().toTimeloopNotation(spatial.architecture()));
            }
        }
        if (exportTimeloop != null) {
            if (!(acc instanceof SpatialAccelerator spatial)) throw Cli.usage("--export-timeloop", "only the spatial template maps layers the Timeloop way");
            TimeloopStyle style = TimeloopStyle.parse(timeloopStyle).orElseThrow(() -> Cli.usage("--timeloop-style",
                    "unknown style '" + timeloopStyle + "'; use v3 (Timeloop v3.0.x) or v4"));
            Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            for (var l : net.layers()) {
                String dir = l.name().replaceAll("[^A-Za-z0-9._-]", "_") + "/";
                TimeloopExport.files(spatial.architecture(), ConvProblem.of(l), spatial.mapping(l).mapping(), style,
                                spatial.params().mappingMetric())
                        .forEach((k, v) -> files.put(dir + k, v));
            }
            OutputDirectory.writeAtomically(exportTimeloop, files);
            out.println("wrote Timeloop inputs for " + net.layers().size() + " layers to " + exportTimeloop);
        }
        out.printf("MACs %,d  cycles %,d (stalls %,d)%n", cost.macs(), cost.cycles(), cost.stallCycles());
        out.printf("latency %.6g ms  fps %.6g  energy %.6g uJ  area %.6g mm2  EDP %.6g uJ*ms%n",
                m.latencyMs(), m.fps(), m.energyUj(), m.areaMm2(), m.edpUjMs());
        out.println("energy by component (uJ): " + format(cost.energyBreakdownPj(), 1e6));
        out.println("area by component (mm2): " + format(cost.areaUm2(), 1e6));
        if (cfgText != null) {
            Files.writeString(exportCfg, cfgText);
            out.println("wrote " + exportCfg);
        }
        return 0;
    }

    private static String format(java.util.Map<String, Double> m, double divisor) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format("%.4g", v / divisor)));
        return sb.toString();
    }
}
