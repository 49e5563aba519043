package org.coex.accel.optimize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.Provenance;
import org.coex.accel.cost.Metrics;

/** {@code result.json} of an optimization: provenance, method, the best configuration, its metrics and each limit. */
public final class OptimizeReport {
    private OptimizeReport() {}

    public static byte[] json(OptimizeSpec spec, OptimizeResult r) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provenance", Provenance.of(spec.source(), spec.specSha256(), spec.seed()));
        root.put("network", spec.target().network().name());
        root.put("template", spec.target().template().name());
        root.put("technology", spec.target().technology().name());
        root.put("space_size", spec.target().space().size());
        root.put("method", r.method());
        root.put("proven_optimal", r.proven() && r.feasible());
        root.put("evaluations", r.evaluations());
        root.put("budget", spec.budget());
        root.put("feasible", r.feasible());
        root.put("objective", spec.objective().toString());
        root.put("config", r.best().config().values());
        if (r.best().metrics() != null) {
            Metrics m = r.best().metrics();
            root.put("metrics", m.asMap());
            root.put("objective_value", r.best().objective());
            List<Map<String, Object>> limits = new ArrayList<>();
            for (HardLimit l : spec.limits()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("metric", l.metric().column());
                e.put("bound", l.bound());
                e.put("value", m.get(l.metric()));
                e.put("met", l.isMet(m));
                e.put("relative_violation", l.violation(m));
                limits.add(e);
            }
            root.put("limits", limits);
        } else {
            root.put("refused", r.best().refusal());
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    }
}
