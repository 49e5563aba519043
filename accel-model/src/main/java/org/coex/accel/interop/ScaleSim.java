package org.coex.accel.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.systolic.SystolicAccelerator;
import org.coex.accel.template.systolic.PythonSum;
import org.coex.accel.template.systolic.SystolicLayerFigures;
import org.coex.accel.workload.Layer;

/**
 * Front door of the SCALE-Sim drop-in: reads SCALE-Sim's own {@code .cfg} and topology CSV, costs
 * every layer with the systolic template in compatibility mode and writes SCALE-Sim's reports under
 * {@code <outDir>/<run_name>/}. Files appear only when all of them were written.
 */
public final class ScaleSim {
    /** What a run read and wrote. */
    public record Run(ScaleSimConfig config, ScaleSimTopology topology, List<SystolicLayerFigures> layers, Path reportDir) {
        public long totalCycles() { return layers.stream().mapToLong(SystolicLayerFigures::cycles).sum(); }
    }

    private ScaleSim() {}

    /**
     * @param pythonSum the summation of the Python whose SCALE-Sim output should be matched to the last digit
     * @throws SpecException listing every problem of both input files
     * @throws IOException   if the reports cannot be written
     */
    public static Run run(Path cfgFile, Path topologyFile, boolean gemm, Path outDir, PythonSum pythonSum) throws IOException {
        ScaleSimConfig cfg = null;
        ScaleSimTopology topo = null;
        List<Problem> problems = new java.util.ArrayList<>();
        try {
            cfg = ScaleSimConfigs.read(cfgFile);
        } catch (SpecException e) {
            problems.addAll(e.problems());
        }
        try {
            topo = ScaleSimTopologies.read(topologyFile, gemm);
        } catch (SpecException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) throw new SpecException(problems);
        List<SystolicLayerFigures> figures = evaluate(cfg, topo.layers(), pythonSum);
        Path dir = outDir.resolve(cfg.runName());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("COMPUTE_REPORT.csv", ScaleSimReports.compute(figures).getBytes(StandardCharsets.UTF_8));
        files.put("DETAILED_ACCESS_REPORT.csv", ScaleSimReports.detailed(figures).getBytes(StandardCharsets.UTF_8));
        files.put("BANDWIDTH_REPORT.csv", ScaleSimReports.bandwidth(figures).getBytes(StandardCharsets.UTF_8));
        OutputDirectory.writeAtomically(dir, files);
        return new Run(cfg, topo, figures, dir);
    }

    /** SCALE-Sim's figures for each layer under a config. */
    public static List<SystolicLayerFigures> evaluate(ScaleSimConfig cfg, List<Layer> layers, PythonSum pythonSum) {
        SystolicAccelerator acc = new SystolicAccelerator(cfg.toParams(), TechnologyTables.preset(TechnologyTables.DEFAULT));
        return layers.stream().map(l -> acc.figures(l, pythonSum)).toList();
    }

}
