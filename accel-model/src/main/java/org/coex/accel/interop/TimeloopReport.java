package org.coex.accel.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coex.accel.Provenance;
import org.coex.accel.nest.Accesses;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.LevelResult;
import org.coex.accel.nest.NestResult;

/**
 * {@code coex-timeloop.json}: {@code cycles}, {@code energy_uJ}, {@code computes},
 * {@code fJ_per_compute} per component (named as Timeloop's report names them) and
 * {@code levels} -> data space -> {@code reads}, {@code fills}, {@code updates}, summed over the
 * utilized instances of each level (innermost level first), plus the mapping in Timeloop's notation.
 */
public final class TimeloopReport {
    private TimeloopReport() {}

    public static Map<String, Object> of(TimeloopModel model, NestResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cycles", r.cycles());
        root.put("energy_uJ", r.energyPj() / 1e6);
        root.put("computes", r.computes());
        Map<String, Double> fj = new LinkedHashMap<>();
        r.energyByComponentPj(model.architecture().macName()).forEach((k, v) -> fj.put(k, v / r.computes() * 1000));
        root.put("fJ_per_compute", fj);
        Map<String, Object> levels = new LinkedHashMap<>();
        for (LevelResult l : r.levels()) {
            if (l.accesses().isEmpty()) continue;
            Map<String, Object> spaces = new LinkedHashMap<>();
            for (DataSpace ds : DataSpace.values()) {
                Accesses a = l.accesses().get(ds);
                if (a == null) continue;
                Map<String, Long> counts = new LinkedHashMap<>();
                counts.put("reads", a.reads());
                counts.put("fills", a.fills());
                counts.put("updates", a.updates());
                spaces.put(ds.timeloopName(), counts);
            }
            levels.put(l.name(), spaces);
        }
        root.put("levels", levels);
        Map<String, Long> utilized = new LinkedHashMap<>();
        r.levels().forEach(l -> utilized.put(l.name(), l.utilizedInstances()));
        root.put("utilized_instances", utilized);
        root.put("mapping", model.mapping().toTimeloopNotation(model.architecture()));
        Map<String, Object> provenance = new LinkedHashMap<>();   // not Map.of: its order changes from JVM to JVM
        provenance.put("coex_version", Provenance.version());
        provenance.put("model", "coex loop-nest analysis (docs/validation.md)");
        root.put("provenance", provenance);
        return root;
    }

    public static byte[] json(TimeloopModel model, NestResult r) throws IOException { return json(of(model, r)); }

    public static byte[] json(Map<String, Object> report) throws IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report);
    }
}
