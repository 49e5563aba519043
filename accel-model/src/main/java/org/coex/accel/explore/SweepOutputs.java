package org.coex.accel.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.coex.accel.cost.Metrics;
import org.coex.accel.interop.OutputDirectory;
import org.coex.accel.interop.PythonFloats;
import org.coex.accel.interop.ScaleSimConfigs;
import org.coex.accel.template.systolic.SystolicParams;
import org.coex.accel.template.systolic.SystolicTemplate;

/**
 * Writes a sweep's files into its output folder, all or nothing: {@code points.csv} (every point),
 * {@code pareto.csv} and {@code pareto.json} (the front, with provenance), {@code pareto.png}
 * (all points, front highlighted) and, for the systolic template, each front point as a SCALE-Sim
 * {@code .cfg} under {@code front-scalesim/}.
 */
public final class SweepOutputs {
    private static final List<Metrics.Name> COLUMNS = List.of(Metrics.Name.LATENCY, Metrics.Name.FPS,
            Metrics.Name.ENERGY, Metrics.Name.AREA, Metrics.Name.EDP);

    private SweepOutputs() {}

    /** @return the files written, relative to the output folder */
    public static List<String> write(SweepResult r) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<Long> onFront = r.front().stream().map(SweepPoint::index).collect(Collectors.toSet());
        files.put("points.csv", csv(r, r.points(), onFront).getBytes(StandardCharsets.UTF_8));
        files.put("pareto.csv", csv(r, r.front(), onFront).getBytes(StandardCharsets.UTF_8));
        files.put("pareto.json", json(r));
        files.put("pareto.png", ParetoPlot.png(r, onFront));
        if (r.spec().template().name().equals(SystolicTemplate.NAME)) {
            for (int i = 0; i < r.front().size(); i++) {
                SweepPoint p = r.front().get(i);
                try {
                    String cfg = ScaleSimConfigs.write(SystolicParams.from(p.config()), "coex_front_" + i);
                    files.put("front-scalesim/front-" + i + ".cfg", cfg.getBytes(StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // fractional SRAM sizes have no SCALE-Sim equivalent; the CSV still lists the point
                }
            }
        }
        OutputDirectory.writeAtomically(r.spec().output(), files);
        return List.copyOf(files.keySet());
    }

    static String csv(SweepResult r, List<SweepPoint> rows, Set<Long> onFront) {
        List<String> params = parameterNames(r);
        StringBuilder sb = new StringBuilder("index,");
        sb.append(String.join(",", params)).append(',');
        sb.append(COLUMNS.stream().map(Metrics.Name::column).collect(Collectors.joining(",")));
        sb.append(",cycles,pareto,infeasible_reason\n");
        for (SweepPoint p : rows) {
            sb.append(p.index()).append(',');
            for (String k : params) sb.append(p.config().values().get(k)).append(',');
            for (Metrics.Name m : COLUMNS) sb.append(p.isFeasible() ? PythonFloats.repr(p.metrics().get(m)) : "").append(',');
            sb.append(p.isFeasible() ? p.cycles() : "").append(',');
            sb.append(onFront.contains(p.index())).append(',');
            sb.append(p.isFeasible() ? "" : '"' + p.infeasibleReason().replace("\"", "'") + '"').append('\n');
        }
        return sb.toString();
    }

    private static List<String> parameterNames(SweepResult r) {
        List<String> names = new ArrayList<>();
        r.spec().space().parameters().forEach(p -> names.add(p.name()));
        r.spec().fixed().values().keySet().forEach(names::add);
        return names;
    }

    static byte[] json(SweepResult r) throws IOException {
        SweepSpec s = r.spec();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provenance", org.coex.accel.Provenance.of(s.source(), s.specSha256(), s.seed()));
        root.put("network", Map.of("name", s.network().name(), "reference", s.networkRef(), "layers", s.network().layers().size(),
                "macs", s.network().macs()));
        root.put("template", s.template().name());
        root.put("technology", s.technology().name());
        root.put("sampling", s.sampling().key());
        root.put("space_size", s.space().size());
        root.put("evaluated", r.points().size());
        root.put("feasible", r.feasibleCount());
        root.put("seconds", r.seconds());
        root.put("pareto_metrics", s.pareto().stream().map(Metrics.Name::column).toList());
        List<Map<String, Object>> front = new ArrayList<>();
        for (SweepPoint p : r.front()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", p.index());
            e.put("config", p.config().values());
            for (Metrics.Name m : COLUMNS) e.put(m.column(), p.metrics().get(m));
            e.put("cycles", p.cycles());
            front.add(e);
        }
        root.put("front", front);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    }
}
