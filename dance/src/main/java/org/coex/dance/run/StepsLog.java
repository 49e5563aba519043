package org.coex.dance.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coex.dance.loop.CoExploration;
import org.coex.dance.loop.ReturnedNetwork;
import org.coex.nas.run.JsonLines;
import org.coex.nas.space.Architecture;

/**
 * A run's {@code steps.jsonl}: one line per architecture step,
 * {@code {"epoch", "step", "network": [op index per layer], "values": [constrained metric per constraint],
 * "violated": [per constraint], "within_limits"}}, where values are what HDX judged (see
 * {@link CoExploration.Check}) and within_limits says whether the pair the search would return for that
 * step's argmax network met every limit. Appended after each epoch, so a resumed run keeps its history.
 */
final class StepsLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StepsLog() {}

    static void append(Path file, int epoch, List<CoExploration.CheckedStep> steps) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < steps.size(); k++) {
            CoExploration.CheckedStep s = steps.get(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", epoch);
            m.put("step", k);
            m.put("network", s.network().choices());
            if (!s.network().widths().isEmpty()) m.put("widths", s.network().widths());
            m.put("values", s.values());
            m.put("violated", s.violated());
            m.put("within_limits", s.withinLimits());
            b.append(JSON.writeValueAsString(m)).append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** On resume, drops the lines of epochs the checkpoint does not include. */
    static void keepBefore(Path file, int epoch) throws IOException {
        if (!Files.exists(file)) return;
        List<String> keep = new ArrayList<>();
        for (Map<String, Object> line : JsonLines.read(file)) {
            if (line.get("epoch") instanceof Number e && e.intValue() < epoch) keep.add(JSON.writeValueAsString(line));
        }
        Files.write(file, keep);
    }

    /** The latest step whose network was within every limit (lines written before that field existed count as not). */
    @SuppressWarnings("unchecked")
    static Optional<ReturnedNetwork.SeenWithinLimits> latestWithinLimits(List<Map<String, Object>> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Map<String, Object> l = lines.get(i);
            if (Boolean.TRUE.equals(l.get("within_limits"))) {
                List<Integer> network = ((List<Number>) l.get("network")).stream().map(Number::intValue).toList();
                List<Integer> widths = ((List<Number>) l.getOrDefault("widths", List.of())).stream().map(Number::intValue).toList();
                return Optional.of(new ReturnedNetwork.SeenWithinLimits(new Architecture(network, widths), ((Number) l.get("epoch")).intValue(),
                        ((Number) l.get("step")).intValue()));
            }
        }
        return Optional.empty();
    }
}
