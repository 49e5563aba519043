package org.coex.dance.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.interop.ScaleSimConfigs;
import org.coex.accel.interop.TimeloopExport;
import org.coex.accel.interop.TimeloopStyle;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.Accelerator;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.spatial.SpatialAccelerator;
import org.coex.accel.template.systolic.SystolicAccelerator;
import org.coex.accel.template.systolic.SystolicParams;
import org.coex.accel.interop.NetworkFiles;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.Network;

/**
 * What a co-exploration hands to other tools: the derived network as a coex network file
 * ({@code network.json}, docs/networks.md: every layer with its input shape, so {@code coex cost} and
 * sweeps read it back), and the accelerator: for every template as {@code accelerator.json} (template,
 * configuration, clock, area by component, and the network's cost layer by layer), plus the files the
 * template exports itself ({@code template/}); for the built-ins a SCALE-Sim {@code accelerator.cfg}
 * (systolic) or Timeloop inputs per layer with coex's mapping ({@code timeloop/LAYER/}, spatial).
 */
final class RunExports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunExports() {}

    static Map<String, byte[]> files(AcceleratorTemplate template, TechnologyTable technology, HwConfig config, Network network) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("network.json", NetworkFiles.write(network));
        Accelerator acc = template.configure(config, technology);
        out.put("accelerator.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(acceleratorFile(template, acc, network)));
        template.exportFiles(acc, network).forEach((name, bytes) -> out.put("template/" + name, bytes));
        if (acc instanceof SystolicAccelerator) {
            out.put("accelerator.cfg", ScaleSimConfigs.write(SystolicParams.from(acc.config()), "coex_search").getBytes(StandardCharsets.UTF_8));
        } else if (acc instanceof SpatialAccelerator spatial) {
            for (Layer l : network.layers()) {
                String dir = "timeloop/" + l.name().replaceAll("[^A-Za-z0-9._-]", "_") + "/";
                TimeloopExport.files(spatial.architecture(), ConvProblem.of(l), spatial.mapping(l).mapping(), TimeloopStyle.DEFAULT,
                        spatial.params().mappingMetric()).forEach((name, bytes) -> out.put(dir + name, bytes));
            }
        }
        return out;
    }

    /** The accelerator as JSON: what any template can say of itself, and the network's cost on it layer by layer. */
    static Map<String, Object> acceleratorFile(AcceleratorTemplate template, Accelerator acc, Network network) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("template", template.name());
        root.put("description", template.description());
        root.put("config", acc.config().values());
        root.put("clock_mhz", acc.clockMhz());
        root.put("area_um2", acc.areaUm2());
        var cost = acc.evaluate(network);
        root.put("metrics", cost.metrics().asMap());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (var l : cost.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", l.layer());
            m.put("macs", l.macs());
            m.put("compute_cycles", l.computeCycles());
            m.put("stall_cycles", l.stallCycles());
            m.put("utilization", l.utilization());
            m.put("energy_pj", l.energyPj());
            m.put("accesses", l.accesses());
            layers.add(m);
        }
        root.put("layers", layers);
        return root;
    }
}
