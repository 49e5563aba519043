package org.coex.evaluator.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A dataset on disk: one {@code .npy} array per field (numpy loads them as they are) and
 * {@code manifest.json} naming the search space, encoding, template, technology, design space,
 * objective, limits, seed and every array's meaning. Written chunk by chunk with the manifest last
 * ({@link DatasetWriter}), read back where it lies ({@link MappedDataset}).
 */
public final class DatasetFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetFiles() {}

    /** An in-memory dataset written as {@code coex evaluator generate} writes one. */
    public static void write(CostDataset d, Path dir) throws IOException {
        Map<String, Object> manifest = manifest(d.costs(), d.objective(), d.limits(), d.seed(), d.size(), d.optimum());
        try (DatasetWriter w = DatasetWriter.start(dir, manifest, d.costs().key().designSpace(), d.costs().key().encoding().length())) {
            w.append(d);
            w.finish();
        }
    }

    /** The manifest of a dataset: what it was made for and how, and each array's meaning (nothing that varies between equal runs). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> manifest(ConfigCosts costs, Objective objective, List<HardLimit> limits, long seed, long samples, String optimum) {
        CostCube.Key k = costs.key();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", DatasetManifest.FORMAT);
        m.put("samples", samples);
        m.put("seed", seed);
        m.putAll(manifestKey(k));
        Map<String, Object> encoding = new LinkedHashMap<>();
        encoding.put("candidates_per_layer", k.encoding().candidatesPerLayer());
        if (k.encoding().searchesWidth()) encoding.put("widths_per_stage", k.encoding().widthsPerStage());
        encoding.put("length", k.encoding().length());
        m.put("encoding", encoding);
        m.put("technology", k.technology());
        m.put("objective", objective.toString());
        Map<String, Double> weights = new LinkedHashMap<>();
        objective.weights().forEach((k2, v) -> weights.put(k2.column(), v));
        m.put("objective_weights", weights);
        m.put("optimum", optimum);
        m.put("limits", limits.stream().map(l -> {
            Map<String, Object> limit = new LinkedHashMap<>();   // not Map.of: its order changes from JVM to JVM, and the manifest must not
            limit.put("metric", l.metric().column());
            limit.put("bound", l.bound());
            return limit;
        }).toList());
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
        // through JSON text once, so that a manifest compares equal to one read back from progress.json (numbers as read)
        try {
            return JSON.readValue(JSON.writeValueAsBytes(m), Map.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Checks, before any costs are computed, that every array of a dataset folder is there, is a
     * .npy table, holds the bytes its header promises and has as many samples as the others.
     *
     * @throws SpecException (one problem, naming the file) otherwise
     */
    public static void checkArrays(Path dir) throws IOException {
        long samples = -1;
        for (String name : DatasetWriter.ARRAYS) {
            Path f = dir.resolve(name + ".npy");
            String problem = null;
            if (!Files.isRegularFile(f)) {
                problem = "no " + f;
            } else {
                try (var ch = java.nio.channels.FileChannel.open(f)) {
                    NpyHeader h = NpyHeader.read(ch, f.toString());
                    h.checkWhole(ch.size(), f.toString());
                    if (samples >= 0 && h.rows() != samples) problem = f + " holds " + h.rows() + " samples, the arrays before it " + samples;
                    samples = h.rows();
                } catch (IOException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) throw new SpecException(new Problem(dir.toString(), 0, "DATA", problem + "; make the dataset again with `coex evaluator generate`"));
        }
    }

    /**
     * Checks every value of a dataset folder whose arrays passed {@link #checkArrays} ({@link MappedDataset#checkValues}),
     * before any costs are computed and before training reads a row.
     *
     * @throws SpecException (one problem, naming the file, sample and column) for the first value out of its range
     */
    public static void checkValues(Path dir, DesignSpace designSpace) {
        try {
            MappedDataset.checkValues(dir, designSpace);
        } catch (IOException e) {
            throw new SpecException(new Problem(dir.toString(), 0, "DATA", e.getMessage() + "; make the dataset again with `coex evaluator generate`"));
        }
    }

    /**
     * A dataset folder for the costs it was made with, read where it lies (memory independent of its size);
     * its values are those {@link #checkValues} passed.
     *
     * @throws SpecException (one problem) if the manifest names another search space, template or design space
     */
    @SuppressWarnings("unchecked")
    public static LabelledSamples read(Path dir, ConfigCosts cube) throws IOException {
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
        checkArrays(dir);   // present, whole and of one length; MappedDataset checks their types and widths
        try {
            return new MappedDataset(dir, cube, new Objective(weights), limits);
        } catch (IOException e) {
            throw new SpecException(new Problem(dir.toString(), 0, "DATA", e.getMessage() + "; make the dataset again with `coex evaluator generate`"));
        }
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

    /** A dataset's manifest, checked ({@link DatasetManifest}). @throws org.coex.accel.spec.SpecException naming each problem's key and line */
    public static Map<String, Object> manifest(Path dir) throws IOException { return DatasetManifest.read(dir); }
}
