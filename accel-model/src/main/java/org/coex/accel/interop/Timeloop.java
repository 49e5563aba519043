package org.coex.accel.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coex.accel.mapping.MappingSearch;
import org.coex.accel.mapping.Metric;
import org.coex.accel.nest.NestAnalysis;
import org.coex.accel.nest.NestResult;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;

/**
 * Front door of the Timeloop drop-in: Timeloop's input files in ({@link TimeloopInputs}). With a
 * mapping, exactly that mapping evaluated ({@link NestAnalysis}), as timeloop-model does; without
 * one, coex's mapping search within the files' constraints ({@link MappingSearch}), as
 * timeloop-mapper does, and the mapping found written as {@code DIR/map.yaml}. Either way
 * {@code DIR/coex-timeloop.json} ({@link TimeloopReport}) out.
 */
public final class Timeloop {
    public static final String REPORT = "coex-timeloop.json";
    public static final String MAP = "map.yaml";

    private Timeloop() {}

    /** How a mapping was found when the files had none: the metrics, where they were chosen, and the search's effort. */
    public record Search(List<Metric> metrics, String metricSource, int evaluated, boolean exhaustive) {
        /** The metrics as Timeloop names them, e.g. "delay, then energy". */
        public String describe() {
            return String.join(", then ", metrics.stream().map(m -> m == Metric.LATENCY ? "delay" : m.key()).toList());
        }
    }

    public record Run(TimeloopModel model, NestResult result, Path report, Optional<Search> search) {}

    /**
     * @param metric what to optimize when the files hold no mapping (null: the mapper section's, else EDP)
     * @throws SpecException if the files have problems, the mapping is illegal for the architecture, a
     *                       metric is given for files that hold a mapping, or no mapping fits the constraints
     * @throws IOException   if the outputs cannot be written
     */
    public static Run run(List<Path> files, Path outDir, Metric metric) throws IOException {
        TimeloopRequest request = TimeloopInputs.request(files, metric);
        if (request instanceof TimeloopModel m) {
            if (metric != null) {
                throw SpecException.option("--metric", "the files hold a mapping, which coex evaluates as it is; "
                        + "leave out --metric, or leave out the mapping for coex to find one");
            }
            NestResult r = NestAnalysis.evaluate(m.problem(), m.architecture(), m.mapping());
            OutputDirectory.writeAtomically(outDir, Map.of(REPORT, TimeloopReport.json(m, r)));
            return new Run(m, r, outDir.resolve(REPORT), Optional.empty());
        }
        TimeloopMapRequest r = (TimeloopMapRequest) request;
        MappingSearch.Result found = MappingSearch.search(r.problem(), r.architecture(), r.space(), r.metrics())
                .orElseThrow(() -> new SpecException(new Problem(files.get(0).toString(), 0, "mapspace",
                        "no mapping of this problem fits the architecture's buffers and fan-out under these constraints; "
                                + "loosen the factor, permutation or utilization constraints")));
        TimeloopModel model = new TimeloopModel(r.architecture(), r.problem(), found.mapping());
        Search search = new Search(r.metrics(), r.metricSource(), found.evaluated(), found.exhaustive());
        Map<String, Object> report = TimeloopReport.of(model, found.cost());
        Map<String, Object> how = new LinkedHashMap<>();
        how.put("optimized", search.describe());
        how.put("chosen_by", r.metricSource());
        how.put("mappings_costed", found.evaluated());
        how.put("whole_map_space", found.exhaustive());
        report.put("search", how);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(MAP, TimeloopExport.mappingFile(r.architecture(), found.mapping()).getBytes(StandardCharsets.UTF_8));
        out.put(REPORT, TimeloopReport.json(report));
        OutputDirectory.writeAtomically(outDir, out);
        return new Run(model, found.cost(), outDir.resolve(REPORT), Optional.of(search));
    }
}
