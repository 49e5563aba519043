package org.coex.evaluator.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coex.accel.interop.OutputDirectory;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.Parameter;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.optimize.Objective;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;
import org.coex.evaluator.cube.ConfigCosts;
import org.coex.evaluator.cube.CostCube;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link CostDataset} on disk: one {@code .npy} array per field (numpy loads them as they are) and
 * {@code manifest.json} naming the search space, encoding, template, technology, design space,
 * objective, limits, seed and every array's meaning. Written all at once (temporary folder, then
 * renamed), so a failed run leaves nothing half-written.
 */
public final class DatasetFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetFiles() {}

    public static void write(CostDataset d, Path dir, double seconds) throws IOException {
        DesignSpace ds = d.costs().key().designSpace();
        int n = d.size();
        int h = ds.parameters().size();
        int[][] config = new int[n][];
        int[][] best = new int[n][];
        int[] feasible = new int[n];
        for (int i = 0; i < n; i++) {
            config[i] = ds.choices(d.config()[i]);
            best[i] = ds.choices(d.bestConfig()[i]);
            feasible[i] = d.bestFeasible()[i] ? 1 : 0;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("arch.npy", Nd4j.toNpyByteArray(Nd4j.create(d.arch())));
        files.put("kind.npy", Nd4j.toNpyByteArray(Nd4j.createFromArray(d.kind())));
        files.put("config.npy", Nd4j.toNpyByteArray(Nd4j.createFromArray(config)));
        files.put("metrics.npy", Nd4j.toNpyByteArray(Nd4j.create(d.metrics())));
        files.put("best_config.npy", Nd4j.toNpyByteArray(Nd4j.createFromArray(best)));
        files.put("best_metrics.npy", Nd4j.toNpyByteArray(Nd4j.create(d.bestMetrics())));
        files.put("best_feasible.npy", Nd4j.toNpyByteArray(Nd4j.createFromArray(feasible)));
        files.put("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(d, seconds)));
        OutputDirectory.writeAtomically(dir, files);
    }

    static Map<String, Object> manifest(CostDataset d, double seconds) {
        CostCube.Key k = d.costs().key();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "coex-cost-dataset/1");
        m.put("samples", d.size());
        m.put("seed", d.seed());
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        m.putAll(manifestKey(k));
        Map<String, Object> encoding = new LinkedHashMap<>();
        encoding.put("candidates_per_layer", k.encoding().candidatesPerLayer());
        if (k.encoding().searchesWidth()) encoding.put("widths_per_stage", k.encoding().widthsPerStage());
        encoding.put("length", k.encoding().length());
        m.put("encoding", encoding);
        m.put("technology", k.technology());
        m.put("objective", d.objective().toString());
        Map<String, Double> weights = new LinkedHashMap<>();
        d.objective().weights().forEach((k2, v) -> weights.put(k2.column(), v));
        m.put("objective_weights", weights);
        m.put("optimum", d.optimum());
        m.put("limits", d.limits().stream().map(l -> Map.of("metric", l.metric().column(), "bound", l.bound())).toList());
        Map<String, String> arrays = new LinkedHashMap<>();
        arrays.put("arch", "float32 [samples, encoding length]: per-layer op probabilities, layer after layer, candidates in the space's order; then per searched stage its width probabilities");
        arrays.put("kind", "int32 [samples]: 0 one-hot architecture, 1 mixture of three, 2 per-layer Dirichlet");
        arrays.put("config", "int32 [samples, parameters]: value index of each design-space parameter (order of design_space)");
        arrays.put("metrics", "float64 [samples, 3]: " + String.join(", ", CostDataset.METRIC_COLUMNS) + " of (arch, config)");
        arrays.put("best_config", "int32 [samples, parameters]: the optimal configuration of arch under objective and limits (proven when optimum is exhaustive, "
                + "the solver's best otherwise)");
        arrays.put("best_metrics", "float64 [samples, 3]: metrics of (arch, best_config)");
        arrays.put("best_feasible", "int32 [samples]: 1 if best_config meets every limit");
        m.put("arrays", arrays);
        return m;
    }

    /**
     * Reads a dataset back for the costs it was made with.
     *
     * @throws SpecException (one problem) if the manifest names another search space, template or design space
     */
    @SuppressWarnings("unchecked")
    public static CostDataset read(Path dir, ConfigCosts cube) throws IOException {
        Map<String, Object> m = manifest(dir);
        Map<String, Object> want = JSON.convertValue(manifestKey(cube.key()), Map.class);
        for (String k : want.keySet()) {
            if (!want.get(k).equals(JSON.convertValue(m.get(k), Object.class))) {
                throw new SpecException(new Problem(dir.resolve("manifest.json").toString(), 0, k, "the dataset was made for " + k + " " + m.get(k)
                        + ", this run has " + want.get(k) + (k.equals("search_space_fingerprint")
                                ? "; name the search space it was made in with --space FILE, or generate one for this space with `coex evaluator generate`"
                                : "; generate one for these spaces with `coex evaluator generate`")));
            }
        }
        Map<Metrics.Name, Double> weights = new LinkedHashMap<>();
        ((Map<String, Number>) m.get("objective_weights")).forEach((k, v) -> weights.put(Metrics.Name.parse(k).orElseThrow(), v.doubleValue()));
        List<HardLimit> limits = ((List<Map<String, Object>>) m.get("limits")).stream()
                .map(l -> new HardLimit(Metrics.Name.parse((String) l.get("metric")).orElseThrow(), ((Number) l.get("bound")).doubleValue())).toList();
        DesignSpace ds = cube.key().designSpace();
        int[][] config = array(dir, "config").toIntMatrix();
        int[][] best = array(dir, "best_config").toIntMatrix();
        int[] feasibleFlags = array(dir, "best_feasible").toIntVector();
        int n = config.length;
        int[] configIndex = new int[n];
        int[] bestIndex = new int[n];
        boolean[] feasible = new boolean[n];
        for (int i = 0; i < n; i++) {
            configIndex[i] = (int) ds.index(config[i]);
            bestIndex[i] = (int) ds.index(best[i]);
            feasible[i] = feasibleFlags[i] == 1;
        }
        return new CostDataset(cube, new Objective(weights), limits, ((Number) m.get("seed")).longValue(),
                String.valueOf(m.getOrDefault("optimum", "exhaustive")), array(dir, "arch").toFloatMatrix(),
                array(dir, "kind").toIntVector(), configIndex, array(dir, "metrics").toDoubleMatrix(), bestIndex,
                array(dir, "best_metrics").toDoubleMatrix(), feasible);
    }

    /** The manifest entries that must match a cube. */
    private static Map<String, Object> manifestKey(CostCube.Key k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search_space_fingerprint", k.spaceFingerprint());
        m.put("template", k.template());
        Map<String, Object> space = new LinkedHashMap<>();
        for (Parameter p : k.designSpace().parameters()) space.put(p.name(), p.values());
        m.put("design_space", space);
        return m;
    }

    /** The design space a manifest names (parameters and values in their order). */
    @SuppressWarnings("unchecked")
    public static DesignSpace designSpace(Map<String, Object> manifest) {
        List<Parameter> ps = new java.util.ArrayList<>();
        ((Map<String, List<Object>>) manifest.get("design_space")).forEach((name, values) -> ps.add(new Parameter(name, values)));
        return new DesignSpace(ps);
    }

    /** Reads an array back (any of the names in the manifest). */
    public static INDArray array(Path dir, String name) throws IOException {
        Path f = dir.resolve(name + ".npy");
        if (!Files.isRegularFile(f)) throw new IOException("no " + f + "; generate the dataset with `coex evaluator generate`");
        return Nd4j.createFromNpyFile(new File(f.toString()));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> manifest(Path dir) throws IOException {
        return JSON.readValue(dir.resolve("manifest.json").toFile(), Map.class);
    }
}
