package org.coex.accel.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
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
 * Writes a sweep's files into its output folder, all or nothing: {@code points.csv} (every point,
 * the front's or none: {@link PointsOutput}),
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
        Map<String, OutputDirectory.Content> streamed = new LinkedHashMap<>();
        Set<Long> onFront = r.front().stream().map(SweepPoint::index).collect(Collectors.toSet());
        switch (r.spec().points().resolve(r.evaluated())) {
            case ALL -> {
                if (r.pointParts().isEmpty()) files.put("points.csv", csv(r.spec(), r.points(), onFront).getBytes(StandardCharsets.UTF_8));
                else streamed.put("points.csv", out -> concatenate(r, onFront, out));
            }
            case FRONT -> files.put("points.csv", csv(r.spec(), r.front(), onFront).getBytes(StandardCharsets.UTF_8));
            default -> { }
        }
        files.put("pareto.csv", csv(r.spec(), r.front(), onFront).getBytes(StandardCharsets.UTF_8));
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
        OutputDirectory.writeAtomically(r.spec().output(), files, streamed);
        List<String> names = new ArrayList<>(streamed.keySet());
        names.addAll(files.keySet());
        return List.copyOf(names);
    }

    /**
     * points.csv from a cluster's part files, streamed: the header, then every part's rows in order,
     * a front point's row written again with its pareto flag set (the parts were written before the
     * merged front was known).
     */
    private static void concatenate(SweepResult r, Set<Long> onFront, OutputStream out) throws IOException {
        Map<Long, SweepPoint> front = r.front().stream().collect(Collectors.toMap(SweepPoint::index, p -> p));
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(header(r.spec()));
        for (Path part : r.pointParts()) {
            try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    SweepPoint p = front.get(Long.parseLong(line.substring(0, line.indexOf(','))));
                    w.write(p == null ? line + "\n" : row(r.spec(), p, onFront));
                }
            }
        }
        w.flush();
    }

    static String csv(SweepSpec spec, List<SweepPoint> rows, Set<Long> onFront) {
        StringBuilder sb = new StringBuilder(header(spec));
        for (SweepPoint p : rows) sb.append(row(spec, p, onFront));
        return sb.toString();
    }

    static String header(SweepSpec spec) {
        return "index," + String.join(",", parameterNames(spec)) + ','
                + COLUMNS.stream().map(Metrics.Name::column).collect(Collectors.joining(",")) + ",cycles,pareto,infeasible_reason\n";
    }

    /** One point's row of points.csv and pareto.csv, with its newline. */
    public static String row(SweepSpec spec, SweepPoint p, Set<Long> onFront) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.index()).append(',');
        for (String k : parameterNames(spec)) sb.append(p.config().values().get(k)).append(',');
        for (Metrics.Name m : COLUMNS) sb.append(p.isFeasible() ? PythonFloats.repr(p.metrics().get(m)) : "").append(',');
        sb.append(p.isFeasible() ? p.cycles() : "").append(',');
        sb.append(onFront.contains(p.index())).append(',');
        sb.append(p.isFeasible() ? "" : '"' + p.infeasibleReason().replace("\"", "'") + '"').append('\n');
        return sb.toString();
    }

    private static List<String> parameterNames(SweepSpec spec) {
        List<String> names = new ArrayList<>();
        spec.space().parameters().forEach(p -> names.add(p.name()));
        spec.fixed().values().keySet().forEach(names::add);
        return names;
    }

    static byte[] json(SweepResult r) throws IOException {
        SweepSpec s = r.spec();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provenance", org.coex.accel.Provenance.of(s.source(), s.specSha256(), s.seed()));
        Map<String, Object> network = new LinkedHashMap<>();   // not Map.of: its order changes from JVM to JVM
        network.put("name", s.network().name());
        network.put("reference", s.networkRef());
        network.put("layers", s.network().layers().size());
        network.put("macs", s.network().macs());
        root.put("network", network);
        root.put("template", s.template().name());
        root.put("technology", s.technology().name());
        root.put("sampling", s.sampling().key());
        root.put("space_size", s.space().size());
        root.put("evaluated", r.evaluated());
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
