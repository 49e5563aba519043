package org.coex.dance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.ArchitectureJson;
import org.coex.nas.space.SearchSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coex command end to end: golden SCALE-Sim output, and every kind of user mistake. */
class CoexCommandIT {
    @TempDir Path dir;

    record Result(int status, String out, String err) {
        List<String> errLines() { return err.lines().toList(); }
    }

    static Result coex(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CoexCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(status, out.toString(), err.toString());
    }

    static String resource(String name) {
        try {
            return Path.of(CoexCommandIT.class.getResource("/scalesim/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Asserts a user mistake: status 2, one line per problem starting with "error: ", no stack trace, nothing written. */
    void assertUserMistake(Result r, int problems, String... fragments) throws IOException {
        assertEquals(2, r.status(), r.err());
        assertEquals(problems, r.errLines().size(), r.err());
        assertTrue(r.errLines().stream().allMatch(l -> l.startsWith("error: ")), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "missing '" + f + "' in " + r.err());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("out") || p.getFileName().toString().startsWith(".coex")));
        }
    }

    @Test
    void scalesimWritesScaleSimsReportsExactly() throws IOException {
        Path cfg = write("ws.cfg", Files.readString(Path.of(resource("configs/scale.cfg"))).replace("Dataflow : os", "Dataflow : ws"));
        Result r = coex("scalesim", "-c", cfg.toString(), "-t", resource("topologies/alexnet_part.csv"), "-p", dir.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        Path report = dir.resolve("out/scale_example_run_32x32_os");
        assertEquals(List.of("LayerID, Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %,",
                "0, 112283, 0, 91.68309650614964, 94.53125, 90.78000992063492,"), Files.readAllLines(report.resolve("COMPUTE_REPORT.csv")));
        String detail = Files.readAllLines(report.resolve("DETAILED_ACCESS_REPORT.csv")).get(1);
        assertTrue(detail.startsWith("0, 0, 112282, 3294225, 0, 112282, 34848, 0, 112282, 3484800, "), detail);
        assertEquals("", r.err());   // a well-formed topology earns no warning
    }

    @Test
    void scalesimGemmInputUsesThePythonVersionAsked() throws IOException {
        Path topo = write("g.csv", "Layer, M, N, K,\ng,256,128,256,\n");
        Path cfg = write("is.cfg", Files.readString(Path.of(resource("configs/scale.cfg"))).replace("Dataflow : os", "Dataflow : is"));
        Result r = coex("scalesim", "-c", cfg.toString(), "-t", topo.toString(), "-i", "gemm", "-p", dir.resolve("o").toString(),
                "--python-version", "3.11");
        assertEquals(0, r.status(), r.err());
        String row = Files.readAllLines(dir.resolve("o/scale_example_run_32x32_os/COMPUTE_REPORT.csv")).get(1);
        assertTrue(row.startsWith("0, 14207, 0, ") && row.endsWith(", 50.59288537549411,"), row);
    }

    @Test
    void malformedCsvRowsAreOneLineEachAndNothingIsWritten() throws IOException {
        Path topo = write("bad.csv", """
                Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,
                a,224,224,3,3,3,8,1,
                b,224,224,3,
                c,0,224,3,3,3,8,1,
                d,2,2,3,3,3,8,1,
                e,224,x,3,3,3,8,1,
                """);
        Result r = coex("scalesim", "-c", resource("configs/scale.cfg"), "-t", topo.toString(), "-p", dir.resolve("out").toString());
        assertUserMistake(r, 4, "bad.csv:3:", "bad.csv:4: IFMAP Height: must be >= 1 (found 0)",
                "bad.csv:5: Filter Height: filter 3x3 is larger than the ifmap 2x2", "bad.csv:6: IFMAP Width: must be a whole number");
    }

    @Test
    void emptyFilesAndAnUnknownDataflowAreNamed() throws IOException {
        Path topo = write("empty.csv", "");
        Path cfg = write("df.cfg", Files.readString(Path.of(resource("configs/scale.cfg"))).replace("Dataflow : os", "Dataflow : rs"));
        Result r = coex("scalesim", "-c", cfg.toString(), "-t", topo.toString(), "-p", dir.resolve("out").toString());
        assertUserMistake(r, 2, "df.cfg:14: Dataflow: unknown dataflow 'rs'; use os, ws or is", "empty.csv: no layers");
        Result missing = coex("scalesim", "-c", dir.resolve("nope.cfg").toString(), "-t", resource("topologies/alexnet.csv"));
        assertUserMistake(missing, 1, "nope.cfg: config file not found");
    }

    @Test
    void sweepSpecMistakesNameTheKeyPathAndLine() throws IOException {
        Path spec = write("s.yaml", "network: resnet18\ntemplate: systolic\nspace:\n  rows: [16, -4]\n  dataflw: [os]\nseed: one\noutput: out\n");
        assertUserMistake(coex("sweep", spec.toString()), 3, "s.yaml:4: space.rows[1]: rows must be >= 1, found -4",
                "s.yaml:5: space.dataflw[0]: unknown parameter 'dataflw' of template 'systolic'; did you mean 'dataflow'?", "s.yaml:6: seed: must be a whole number");
        Path unknown = write("u.yaml", "network: resnet18\ntemplate: tpu\noutput: out\n");
        assertUserMistake(coex("sweep", unknown.toString()), 1, "u.yaml:2: template: unknown template 'tpu'");
        assertUserMistake(coex("sweep", write("e.yaml", "").toString()), 1, "e.yaml: the file is empty");
    }

    @Test
    void sweepRunsAndWritesItsFiles() throws IOException {
        Path spec = write("s.yaml", "network: mobilenetv2\nsampling: sobol\nsamples: 50\noutput: out\n");
        Result r = coex("sweep", spec.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("evaluated 50 designs"), r.out());
        for (String f : List.of("points.csv", "pareto.csv", "pareto.json", "pareto.png")) assertTrue(Files.exists(dir.resolve("out/" + f)), f);
    }

    @Test
    void costCommandPrintsMetricsAndExportsAScaleSimConfig() throws IOException {
        Path cfg = dir.resolve("exported.cfg");
        Result r = coex("cost", "resnet18", "--set", "rows=16", "--set", "cols=16", "--set", "dataflow=os",
                "--export-scalesim-cfg", cfg.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("latency ") && r.out().contains("energy by component"), r.out());
        assertTrue(Files.readString(cfg).contains("ArrayHeight:    16"));
        assertUserMistake(coex("cost", "resnet18", "--set", "dataflow=rs"), 1, "--set: dataflow must be os, ws or is");
        assertUserMistake(coex("cost", "resnet18", "--template", "gpu"), 1, "unknown template 'gpu'");
    }

    @Test
    void anUnwritableOutputFolderIsAUserMistake() throws IOException {
        Path blocker = write("file-not-folder", "x");
        Result r = coex("scalesim", "-c", resource("configs/scale.cfg"), "-t", resource("topologies/alexnet_part.csv"),
                "-p", blocker.resolve("sub").toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("choose another output folder"), r.err());
    }

    @Test
    void spatialTemplateMistakesAreOneLineEach() {
        assertUserMistakeNoFiles(coex("cost", "alexnet", "--template", "spatial", "--set", "psum_rf_bytes=1"),
                "--set: psum_rf_bytes must hold at least one 16-bit partial sum");
        assertUserMistakeNoFiles(coex("cost", "alexnet", "--template", "spatial", "--set", "glb_kb=0.001"),
                "--set: no legal mapping of conv1 fits the buffers");
        assertUserMistakeNoFiles(coex("cost", "alexnet", "--template", "spatial", "--technology", "3nm"),
                "unknown technology preset");
    }

    void assertUserMistakeNoFiles(Result r, String fragment) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(fragment), r.err());
    }

    @Test
    void aDamagedEvaluatorNamedBySearchIsOneLineAndLeavesNoRunFolder() throws IOException {
        Files.createDirectories(dir.resolve("ev"));
        write("ev/evaluator.json", "{\"format\": \"coex-evaluator/1\"}\n");
        Path spec = write("s.yaml", "search: {validation: 32, train_limit: 64, epochs: 1, warmup_epochs: 0, batch_size: 16}\n"
                + "hardware: {template: systolic, space: {rows: [8, 16], cols: [8], dataflow: [os]}}\nevaluator: " + dir.resolve("ev")
                + "\nconstraints: {latency_ms: 0.5}\noutput: " + dir.resolve("out") + "\n");
        Result r = coex("search", spec.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.errLines().size() >= 1 && r.errLines().stream().allMatch(l -> l.startsWith("error: ") && l.contains("evaluator.json")), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "the run folder is made only once the evaluator is loaded");
    }

    @Test
    void anEvaluatorDatasetIsGeneratedTrainedOnAndReported() throws IOException {
        Path data = dir.resolve("data");
        Result g = coex("evaluator", "generate", "--template", "systolic", "--samples", "600", "--limit", "area_mm2=5", "--seed", "3", "-o", data.toString());
        assertEquals(0, g.status(), g.err());
        assertTrue(g.out().contains("600 samples"), g.out());
        for (String f : List.of("arch.npy", "config.npy", "metrics.npy", "best_config.npy", "manifest.json")) assertTrue(Files.isRegularFile(data.resolve(f)), f);
        assertTrue(Files.readString(data.resolve("manifest.json")).contains("\"area_mm2\""));
        Path model = dir.resolve("model");
        Result t = coex("evaluator", "train", data.toString(), "--epochs", "2", "--hidden", "16", "--batch-size", "128", "-o", model.toString());
        assertEquals(0, t.status(), t.err());
        assertTrue(t.out().contains("Kendall tau"), t.out());
        for (String f : List.of("evaluator.json", "generator.params", "estimator.params", "report.json", "report.md", "parity-latency.png")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        Result again = coex("evaluator", "report", model.toString(), data.toString(), "-o", dir.resolve("again").toString());
        assertEquals(0, again.status(), again.err());
        // same evaluator, same figures (all but the speed row)
        assertEquals(Files.readAllLines(model.resolve("report.md")).stream().filter(l -> !l.contains("per second")).toList(),
                Files.readAllLines(dir.resolve("again/report.md")).stream().filter(l -> !l.contains("per second")).toList());
        // a dataset damaged on disk is one line naming the file, not a stack trace
        byte[] metrics = Files.readAllBytes(data.resolve("metrics.npy"));
        Files.write(data.resolve("metrics.npy"), java.util.Arrays.copyOf(metrics, metrics.length - 100));
        Result cut = coex("evaluator", "train", data.toString(), "-o", dir.resolve("out").toString());
        assertUserMistake(cut, 1, "metrics.npy is cut short", "coex evaluator generate");   // before the costs are computed: no progress lines either
    }

    @Test
    void aDesignSpaceTooLargeToEnumerateIsLabelledByTheSolverAndTrainedOn() throws IOException {
        Path ds = dir.resolve("big.yaml");
        // 10 x 10 x 3 x 6 x 6 x 6 x 4 = 259,200 configurations: above the cube's 200,000
        Files.writeString(ds, "space:\n  rows: [8, 12, 16, 24, 32, 48, 64, 96, 128, 256]\n  cols: [8, 12, 16, 24, 32, 48, 64, 96, 128, 256]\n"
                + "  dataflow: [os, ws, is]\n  ifmap_sram_kb: [16, 32, 64, 128, 256, 512]\n  filter_sram_kb: [16, 32, 64, 128, 256, 512]\n"
                + "  ofmap_sram_kb: [16, 32, 64, 128, 256, 512]\n  dram_words_per_cycle: [8, 16, 32, 64]\n");
        Path data = dir.resolve("big-data");
        Result g = coex("evaluator", "generate", "--template", "systolic", "--design-space", ds.toString(), "--samples", "40", "--solver-budget", "60",
                "--limit", "area_mm2=2", "-o", data.toString());
        assertEquals(0, g.status(), g.err());
        assertTrue(g.out().contains("259,200 systolic configurations: costed on demand"), g.out());
        String manifest = Files.readString(data.resolve("manifest.json"));
        assertTrue(manifest.contains("\"optimum\" : \"coex optimize solver, at most 60 configurations per architecture\""), manifest);
        assertTrue(manifest.contains("\"rows\" : [ 8, 12, 16"), manifest);
        Path model = dir.resolve("big-model");
        Result t = coex("evaluator", "train", data.toString(), "--epochs", "1", "--hidden", "8", "--batch-size", "16", "-o", model.toString());
        assertEquals(0, t.status(), t.err());
        assertTrue(Files.readString(model.resolve("report.md")).contains("is not available"), Files.readString(model.resolve("report.md")));
    }

    @Test
    void evaluatorMistakesAreOneLine() throws IOException {
        assertUserMistake(coex("evaluator", "generate", "--limit", "area", "-o", dir.resolve("out").toString()), 1, "--limit: 'area' is not METRIC=BOUND");
        assertUserMistake(coex("evaluator", "generate", "--template", "tpu", "-o", dir.resolve("out").toString()), 1, "unknown template 'tpu'");
        Path ds = dir.resolve("bad-space.yaml");
        Files.writeString(ds, "space:\n  rows: [8, -4]\n");
        assertUserMistake(coex("evaluator", "generate", "--template", "systolic", "--design-space", ds.toString(), "-o", dir.resolve("out").toString()), 1,
                "bad-space.yaml:2: space.rows[1]");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertUserMistake(coex("evaluator", "train", empty.toString(), "-o", dir.resolve("out").toString()), 1, "holds no manifest.json");
    }

    @Test
    void aFolderWithoutDataIsOneLineSayingWhatItLooksFor() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-data"));
        for (String option : List.of("--data", "--data-dir")) {
            assertUserMistake(coex("nas", "search", option, empty.toString()), 1, "no-data: holds no data coex knows", "train/<class>/");
        }
    }

    @Test
    void aSearchRunsOnCifarShapedImagesThroughTheCostModelAndItsExports() throws IOException {
        Path data = Files.createDirectories(dir.resolve("cifar/cifar-10-batches-bin"));
        Files.write(data.resolve("data_batch_1.bin"), cifarRecords(96, 1));
        Files.write(data.resolve("test_batch.bin"), cifarRecords(16, 2));
        Path spec = dir.resolve("cifar.yaml");
        Path out = dir.resolve("cifar-run");
        Files.writeString(spec, "search: {validation: 32, epochs: 2, warmup_epochs: 1, batch_size: 16, crop_padding: 0}\n"
                + "data: {path: " + dir.resolve("cifar") + "}\n"
                + "hardware: {template: systolic, space: {rows: [8, 16], cols: [8, 16], dataflow: [os, ws]}}\n"
                + "objective: latency\nlambda: 0.1\nconstraints: {latency_ms: 0.5}\nretrain_epochs: 1\noutput: " + out + "\n");
        Result r = coex("search", spec.toString());
        assertTrue(r.status() == 0 || r.status() == 4, r.err());
        assertTrue(r.out().startsWith("data: CIFAR-10 binary batches in " + data + ": 96 training + 16 test images of 3 x 32 x 32, 10 classes\n"), r.out());
        var result = new ObjectMapper().readTree(out.resolve("result/result.json").toFile());
        assertEquals("[3,32,32]", result.get("data").get("input").toString());
        assertEquals(3, result.get("data").get("normalization").get("mean").size());
        var network = new ObjectMapper().readTree(out.resolve("result/network.json").toFile());
        assertEquals("[32,32,3]", network.get("layers").get(0).get("input").toString(), "the cost model's first layer takes the data's shape");
        assertTrue(result.get("test_accuracy").isNumber(), result.toString());
    }

    /** CIFAR-10 binary records: label i mod 10, then 3,072 random pixel bytes. */
    static byte[] cifarRecords(int count, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        byte[] b = new byte[count * 3073];
        for (int i = 0; i < count; i++) {
            b[i * 3073] = (byte) (i % 10);
            for (int j = 1; j < 3073; j++) b[i * 3073 + j] = (byte) rng.nextInt(256);
        }
        return b;
    }

    @Test
    void aSearchOnIdxFilesAndOnTheirPngCopyGivesTheSameResult() throws IOException {
        Path idx = tinyFashion();
        Path png = dir.resolve("tiny-png");
        for (String split : List.of("train", "t10k")) {
            byte[] images = Files.readAllBytes(idx.resolve(split + "-images-idx3-ubyte"));
            byte[] labels = Files.readAllBytes(idx.resolve(split + "-labels-idx1-ubyte"));
            for (int i = 0; i < labels.length - 8; i++) {
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                img.getRaster().setDataElements(0, 0, 28, 28, java.util.Arrays.copyOfRange(images, 16 + i * 784, 16 + (i + 1) * 784));
                Path f = png.resolve(split.equals("train") ? "train" : "test").resolve(Integer.toString(labels[8 + i])).resolve(String.format("%03d.png", i));
                Files.createDirectories(f.getParent());
                javax.imageio.ImageIO.write(img, "png", f.toFile());
            }
        }
        List<String> results = new java.util.ArrayList<>();
        for (Path data : List.of(idx, png)) {
            Path out = dir.resolve("same-" + data.getFileName());
            Path spec = dir.resolve("same-" + data.getFileName() + ".yaml");
            Files.writeString(spec, "search: {validation: 32, epochs: 2, warmup_epochs: 1, batch_size: 16, crop_padding: 0}\n"
                    + "data: {path: " + data + "}\nhardware: {template: systolic, space: {rows: [8, 16], cols: [8], dataflow: [os]}}\n"
                    + "objective: latency\nlambda: 0.1\nconstraints: {latency_ms: 0.5}\noutput: " + out + "\n");
            Result r = coex("search", spec.toString());
            assertTrue(r.status() == 0 || r.status() == 4, r.err());
            var result = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(out.resolve("result/result.json").toFile());
            result.remove("seconds");
            ((com.fasterxml.jackson.databind.node.ObjectNode) result.get("data")).remove("found");
            results.add(result.toPrettyString());
        }
        assertEquals(results.get(0), results.get(1));
    }

    @Test
    void aRetrainingRunsTheRecipeItIsGivenAndRecordsIt() throws IOException {
        Path arch = dir.resolve("arch.json");
        Files.write(arch, ArchitectureJson.write(new Architecture(List.of(0, 6, 0, 6, 6, 0, 6, 6, 0, 6)), SearchSpace.fashionMnistDefault()));
        Path out = dir.resolve("retrained");
        Result r = coex("nas", "train", arch.toString(), "--data-dir", tinyFashion().toString(), "--epochs", "2", "--batch-size", "32",
                "--crop-padding", "0", "--no-flip", "--label-smoothing", "0.2", "--threads", "1", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        var result = new ObjectMapper().readTree(out.resolve("result/result.json").toFile());
        assertEquals(2, result.get("epochs").asInt());
        assertEquals(1, result.get("warmup_epochs").asInt());
        assertEquals(0.2, result.get("label_smoothing").asDouble());
        assertEquals(0, result.get("crop_padding").asInt());
        assertFalse(result.get("flip").asBoolean());
        assertEquals(2, Files.readAllLines(out.resolve("log.jsonl")).size());
    }

    @Test
    void aRetrainingRecipeThatCannotRunIsOneLineNamingTheOption() throws IOException {
        Path arch = write("arch.json", "{}");
        assertUserMistake(coex("nas", "train", arch.toString(), "--epochs", "3", "--minutes", "5", "-o", dir.resolve("out").toString()), 1,
                "--minutes", "not both");
        assertUserMistake(coex("nas", "train", arch.toString(), "--epochs", "4", "--warmup-epochs", "4", "-o", dir.resolve("out").toString()), 1,
                "--warmup-epochs", "fewer than --epochs 4");
        assertUserMistake(coex("nas", "train", arch.toString(), "--minutes", "5", "--warmup-epochs", "0", "-o", dir.resolve("out").toString()), 1,
                "--warmup-epochs", ">= 1 with --minutes");
        assertUserMistake(coex("nas", "train", arch.toString(), "--label-smoothing", "1", "-o", dir.resolve("out").toString()), 1,
                "--label-smoothing");
    }

    @Test
    void aDivergingSearchStopsWithOneLineNamingTheSettingToLower() throws IOException {
        Path data = tinyFashion();
        Path spec = dir.resolve("nas.yaml");
        Files.writeString(spec, "validation: 32\nepochs: 2\nwarmup_epochs: 2\nbatch_size: 16\nweight_lr: 1.0e12\ncrop_padding: 0\n"
                + "data_dir: " + data + "\noutput: " + dir.resolve("run") + "\n");
        Result r = coex("nas", "search", spec.toString());
        assertEquals(3, r.status(), r.err());
        List<String> errors = r.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("training diverged") && errors.get(0).contains("lower weight_lr"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aCoExplorationRunsFromASpecChecksItsLimitsWithTheTruthAndResumes() throws IOException {
        Path spec = dir.resolve("search.yaml");
        Path out = dir.resolve("co");
        Files.writeString(spec, tinySearchSection()
                + "hardware: {template: systolic, space: {rows: [8, 16], cols: [8, 16], dataflow: [os, ws]}}\n"
                + "objective: latency\nlambda: 0.1\nconstraints: {latency_ms: 0.05, area_mm2: 5}\nretrain_epochs: 1\noutput: " + out + "\n");
        Result r = coex("search", spec.toString());
        assertTrue(r.status() == 0 || r.status() == 4, r.err());
        String result = Files.readString(out.resolve("result/result.json"));
        for (String key : List.of("\"architecture\"", "\"accelerator\"", "\"predicted\"", "\"true\"", "\"true_value\"", "\"feasible\"")) {
            assertTrue(result.contains(key), key + " in " + result);
        }
        assertEquals(r.status() == 0, result.contains("\"feasible\" : true"), result);
        assertTrue(result.contains("\"lambda\" : 0.1") && result.contains("\"objective\" : {\n    \"latency_ms\" : 1.0"), result);
        assertEquals(2, Files.readAllLines(out.resolve("log.jsonl")).size());
        assertTrue(Files.readString(out.resolve("log.jsonl")).contains("\"constraints\""));
        assertTrue(Files.isRegularFile(out.resolve("checkpoint/hdx.json")));
        assertEquals(4, Files.readAllLines(out.resolve("steps.jsonl")).size(), "one line per architecture step: 64 images in batches of 16, one epoch after warm-up");
        assertFalse(result.contains("\"test_accuracy\" : null"), result);
        double networkAccuracy = new ObjectMapper().readTree(result).get("network_validation_accuracy").asDouble(-1);
        assertTrue(networkAccuracy >= 0 && networkAccuracy <= 1, result);
        String percent = String.format(java.util.Locale.ROOT, "%.2f %%", 100 * networkAccuracy);
        assertTrue(Files.readString(out.resolve("result/report.md")).contains("Validation accuracy of this network: " + percent), percent);
        assertTrue(r.out().contains("accuracy: " + percent + " on the validation images (this network"), r.out());
        assertTrue(r.out().contains("epoch 2/2: train acc"), "console epochs count from 1, as the progress does: " + r.out());
        // resuming a finished run repeats its result, without retraining again
        Result again = coex("search", spec.toString(), "--resume");
        assertEquals(r.status(), again.status(), again.err());
        assertTrue(again.out().contains("retraining already done"), again.out());
        assertTrue(result.contains("\"pytorch_threads\" : 1"), result);
        // its seconds are the whole run's, the time it took when it finished: checking it again adds nothing
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(result).get("seconds").asDouble(), json.readTree(out.resolve("result/result.json").toFile()).get("seconds").asDouble());
        double readBack = json.readTree(out.resolve("retrain/result/result.json").toFile()).get("seconds").asDouble();
        for (String line : Files.readAllLines(out.resolve("log.jsonl"))) readBack += json.readTree(line).get("seconds").asDouble();
        assertTrue(json.readTree(out.resolve("result/result.json").toFile()).get("seconds").asDouble() >= readBack - 0.1, Files.readString(out.resolve("result/result.json")));
        // another PyTorch thread count would take another path from the checkpoint: refused in one line
        Result threads = coex("search", spec.toString(), "--resume", "--threads", "2");
        assertEquals(2, threads.status(), threads.err());
        assertEquals(1, threads.errLines().size(), threads.err());
        assertTrue(threads.err().contains("written on 1 PyTorch thread(s) and this run has 2") && threads.err().contains("resume with --threads 1"), threads.err());
        // a folder that holds a run is not written over unasked
        Result overwrite = coex("search", spec.toString());
        assertEquals(2, overwrite.status(), overwrite.err());
        assertEquals(1, overwrite.errLines().size(), overwrite.err());
        assertTrue(overwrite.err().contains("holds a run already") && overwrite.err().contains("--resume") && overwrite.err().contains("--force"), overwrite.err());
        // a checkpoint written with other settings is refused, naming the setting
        String original = Files.readString(spec);
        Files.writeString(spec, original.replace("search: {", "search: {seed: 9, "));
        Result otherSeed = coex("search", spec.toString(), "--resume");
        assertEquals(2, otherSeed.status(), otherSeed.err());
        assertTrue(otherSeed.err().contains("written with seed 1 and this run has 9"), otherSeed.err());
        Files.writeString(spec, original);
        // a damaged log is named with its line, not a stack trace
        List<String> logLines = Files.readAllLines(out.resolve("log.jsonl"));
        Files.writeString(out.resolve("log.jsonl"), logLines.get(0) + "\n{\"epoch\": 1, trunc\n");
        Result damagedLog = coex("search", spec.toString(), "--resume");
        assertEquals(2, damagedLog.status(), damagedLog.err());
        assertEquals(1, damagedLog.errLines().size(), damagedLog.err());
        assertTrue(damagedLog.err().contains("log.jsonl:2: not a JSON line"), damagedLog.err());
        Files.write(out.resolve("log.jsonl"), logLines);
        // a corrupt checkpoint is refused in one line
        Files.writeString(out.resolve("checkpoint/supernet.params"), "not parameters");
        Result corrupt = coex("search", spec.toString(), "--resume");
        assertEquals(2, corrupt.status(), corrupt.err());
        assertEquals(1, corrupt.errLines().size(), corrupt.err());
        assertTrue(corrupt.err().contains("cannot continue from this checkpoint: it is incomplete or corrupt"), corrupt.err());
        assertEquals(result.replaceAll("\"seconds\" : [0-9.]+", ""), Files.readString(out.resolve("result/result.json")).replaceAll("\"seconds\" : [0-9.]+", ""));
        for (String png : List.of("constraints.png", "alpha.png")) assertTrue(Files.size(out.resolve("result/" + png)) > 1000, png);
        for (String f : List.of("report.md", "network.json", "accelerator.cfg", "architecture.json")) assertTrue(Files.isRegularFile(out.resolve("result/" + f)), f);
        assertEquals(0, coex("networks", out.resolve("result/network.json").toString()).status());
        // the two-step baseline: same search without the evaluator, then the best accelerator by exact search
        Files.writeString(spec, Files.readString(spec).replace("output: " + out, "output: " + dir.resolve("seq")).replace("retrain_epochs: 1\n", "")
                + "method: sequential\n");
        Result seq = coex("search", spec.toString(), "--resume");
        assertTrue(seq.status() == 0 || seq.status() == 4, seq.err());
        assertTrue(seq.out().contains("nothing to resume in " + dir.resolve("seq") + " (no checkpoint): starting from epoch 0"), seq.out());
        String seqResult = Files.readString(dir.resolve("seq/result/result.json"));
        assertTrue(seqResult.contains("\"method\" : \"sequential\""), seqResult);
        assertFalse(Files.readString(dir.resolve("seq/log.jsonl")).contains("\"constraints\""));
        // a learned evaluator named but not there yet is trained into its folder first, then used
        Files.writeString(spec, Files.readString(spec).replace("method: sequential\n", "").replace("output: " + dir.resolve("seq"), "output: " + dir.resolve("learned"))
                + "evaluator: {path: " + dir.resolve("ev") + ", samples: 600, epochs: 1}\n");
        Result learned = coex("search", spec.toString());
        assertTrue(learned.status() == 0 || learned.status() == 4, learned.err());
        assertTrue(learned.out().contains("training one"), learned.out());
        for (String f : List.of("evaluator.json", "report.md")) assertTrue(Files.isRegularFile(dir.resolve("ev/" + f)), f);
        assertTrue(Files.isRegularFile(dir.resolve("learned/result/result.json")));
        // the spatial template: its accelerator reports values as numbers of its own type, and goes out as Timeloop inputs
        Path spatialSpec = dir.resolve("spatial.yaml");
        Files.writeString(spatialSpec, tinySearchSection() + "hardware: {template: spatial, space: {pe_rows: [8, 12], glb_kb: [64, 128], dataflow: [ws, rs]}}\n"
                + "constraints: {latency_ms: 1}\noutput: " + dir.resolve("spatial") + "\n");
        Result spatial = coex("search", spatialSpec.toString());
        assertTrue(spatial.status() == 0 || spatial.status() == 4, spatial.err());
        // --force starts over: the earlier run's files go first, so none of them is left beside the new run's
        Files.writeString(dir.resolve("spatial/result/left-over.txt"), "from the earlier run");
        Result again2 = coex("search", spatialSpec.toString(), "--force");
        assertTrue(again2.status() == 0 || again2.status() == 4, again2.err());
        assertFalse(Files.exists(dir.resolve("spatial/result/left-over.txt")));
        assertEquals(2, Files.readAllLines(dir.resolve("spatial/log.jsonl")).size());
        try (var files = Files.list(dir.resolve("spatial/result/timeloop"))) {
            assertTrue(files.count() > 10, "a Timeloop folder per layer");
        }
    }

    /**
     * HDX judges the pair the run returns: for single and multi-limit sets on the analytic evaluator,
     * every architecture step that judged the returned network saw exactly the metrics result.json
     * reports as predicted (the evaluator's accelerator for it, costed exactly), and those are the
     * true metrics when the accelerator was not repaired.
     */
    /** A space that searches widths: the search returns and exports its channels, and hdx judges the network it returns, widths and all. */
    @Test
    void aWidthSearchReturnsExportsAndJudgesTheChosenChannels() throws IOException {
        Path space = write("widths.yaml", "name: tiny-widths\ninput: auto\nstem: {channels: 4, kernel: 3, stride: 2}\nstages:\n"
                + "  - {channels: [4, 8, 16], layers: 2, stride: 2}\n  - {channels: [8, 24], layers: 2, stride: 2}\n"
                + "ops: {kernels: [3, 5], expansions: [1, 3], skip: true}\nhead: {channels: 32}\nclasses: auto\n");
        Path spec = dir.resolve("widths-search.yaml");
        Path out = dir.resolve("widths-run");
        Files.writeString(spec, tinySearchSection().replace("epochs: 2", "epochs: 3").replace("search: {", "search: {space: " + space + ", ")
                + "hardware: {template: systolic, space: {rows: [8, 16], cols: [8, 16], dataflow: [os, ws]}}\n"
                + "objective: energy\nlambda: 0.02\nconstraints: {latency_ms: 0.02, energy_uj: 3}\noutput: " + out + "\n");
        Result r = coex("search", spec.toString());
        assertTrue(r.status() == 0 || r.status() == 4, r.err());
        assertTrue(r.out().contains("; stage channels ["), r.out());
        ObjectMapper json = new ObjectMapper();
        var result = json.readTree(out.resolve("result/result.json").toFile());
        List<Integer> channels = new java.util.ArrayList<>();
        result.get("channels").forEach(c -> channels.add(c.asInt()));
        assertEquals(2, channels.size(), result.toString());
        assertTrue(List.of(4, 8, 16).contains(channels.get(0)) && List.of(8, 24).contains(channels.get(1)), channels.toString());
        var arch = json.readTree(out.resolve("result/architecture.json").toFile());
        assertEquals(channels.get(1).intValue(), arch.get("stages").get(1).get("channels").asInt());
        var layers = json.readTree(out.resolve("result/network.json").toFile()).get("layers");
        var head = layers.get(layers.size() - 2);
        assertEquals("head", head.get("name").asText());
        assertEquals(channels.get(1).intValue(), head.get("input").get(2).asInt(), "the exported head reads the chosen width of the last stage");
        boolean judged = false;
        for (String line : Files.readAllLines(out.resolve("steps.jsonl"))) {
            var step = json.readTree(line);
            assertEquals(2, step.get("widths").size(), line);
            if (step.get("network").equals(result.get("choices")) && step.get("widths").equals(widthIndices(arch, space))) {
                judged = true;
                if (!result.get("repaired").asBoolean()) assertEquals(result.get("true").get("latency_ms").asDouble(), step.get("values").get(0).asDouble(), 0.0, line);
            }
        }
        assertTrue(judged || result.get("returned_network").asText().startsWith("the final argmax network"), result.toString());
        assertTrue(Files.size(out.resolve("result/alpha.png")) > 0);
        Result train = coex("nas", "train", out.resolve("result/architecture.json").toString(), "--space", space.toString(), "--data", tinyFashion().toString(),
                "--epochs", "2", "-o", dir.resolve("widths-train").toString());
        assertEquals(0, train.status(), train.err());
        assertEquals(result.get("macs").asLong(), json.readTree(dir.resolve("widths-train/result/result.json").toFile()).get("macs").asLong());
    }

    /** Images of another shape are retrained after resampling, as a search with the data block's resize saw them. */
    @Test
    void nasTrainResizesImagesOfAnotherShapeWhenAsked() throws IOException {
        Path folder = dir.resolve("oblong");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (String split : List.of("train", "test")) {
            for (int i = 0; i < (split.equals("train") ? 40 : 10); i++) {
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(20, 24, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 24; y++) for (int x = 0; x < 20; x++) img.getRaster().setSample(x, y, 0, rng.nextInt(256));
                Path f = folder.resolve(split).resolve("c" + (i % 2)).resolve(i + ".png");
                Files.createDirectories(f.getParent());
                javax.imageio.ImageIO.write(img, "png", f.toFile());
            }
        }
        Result space = coex("nas", "space", "--data", folder.toString(), "--resize", "16,16", "--write", dir.resolve("oblong-nets").toString());
        assertEquals(0, space.status(), space.err());
        assertTrue(space.out().startsWith("default-1x16x16-2 "), space.out());
        String arch = dir.resolve("oblong-nets/fewest-macs.json").toString();
        // the landmarks' layers, for the hardware commands: coex cost reads them with the MACs nas space printed
        Result cost = coex("cost", dir.resolve("oblong-nets/most-macs.network.json").toString());
        assertEquals(0, cost.status(), cost.err());
        String mostMacs = space.out().lines().filter(l -> l.startsWith("most-macs:")).findFirst().orElseThrow().replaceAll("^most-macs:\\s+([0-9,]+) MACs.*", "$1");
        assertTrue(cost.out().contains(mostMacs), mostMacs + " in " + cost.out());
        assertUserMistakeNoFiles(coex("nas", "train", arch, "--data", folder.toString(), "--epochs", "2", "-o", dir.resolve("oblong-a").toString()), "resize");
        assertUserMistakeNoFiles(coex("nas", "train", arch, "--data", folder.toString(), "--resize", "16", "-o", dir.resolve("oblong-b").toString()), "--resize");
        Result r = coex("nas", "train", arch, "--data", folder.toString(), "--resize", "16,16", "--epochs", "2", "-o", dir.resolve("oblong-c").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("oblong-c/result/result.json")));
    }

    /** The width indices an architecture.json's stage channels stand for in the space file {@code space}. */
    static com.fasterxml.jackson.databind.JsonNode widthIndices(com.fasterxml.jackson.databind.JsonNode arch, Path space) {
        var options = org.coex.nas.space.SearchSpaces.load(space).stages();
        var out = new ObjectMapper().createArrayNode();
        for (int s = 0; s < options.size(); s++) out.add(options.get(s).widths().indexOf(arch.get("stages").get(s).get("channels").asInt()));
        return out;
    }

    @Test
    void hdxChecksExactlyThePairTheRunReturns() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String[] sets = {"{latency_ms: 0.03}", "{latency_ms: 0.03, energy_uj: 20, area_mm2: 0.6}", "{fps: 40000, energy_uj: 15}"};
        for (int i = 0; i < sets.length; i++) {
            Path spec = dir.resolve("check" + i + ".yaml");
            Path out = dir.resolve("check" + i);
            Files.writeString(spec, tinySearchSection().replace("epochs: 2", "epochs: 3") + "hardware: {template: spatial, space: {pe_rows: [8, 16], glb_kb: [64, 128]}}\n"
                    + "objective: energy\nlambda: 0.02\nconstraints: " + sets[i] + "\noutput: " + out + "\n");
            Result r = coex("search", spec.toString());
            assertTrue(r.status() == 0 || r.status() == 4, r.err());
            var result = json.readTree(out.resolve("result/result.json").toFile());
            List<Integer> returned = new java.util.ArrayList<>();
            result.get("choices").forEach(c -> returned.add(c.asInt()));
            List<String> metrics = new java.util.ArrayList<>();
            result.get("constraints").forEach(c -> metrics.add(c.get("metric").asText()));
            int judged = 0;
            for (String line : Files.readAllLines(out.resolve("steps.jsonl"))) {
                var step = json.readTree(line);
                List<Integer> network = new java.util.ArrayList<>();
                step.get("network").forEach(c -> network.add(c.asInt()));
                if (!network.equals(returned)) continue;
                judged++;
                for (int k = 0; k < metrics.size(); k++) {
                    String m = metrics.get(k).equals("fps") ? "latency_ms" : metrics.get(k);
                    assertEquals(result.get("predicted").get(m).asDouble(), step.get("values").get(k).asDouble(), 0.0, sets[i] + " " + m + ": " + line);
                    if (!result.get("repaired").asBoolean()) assertEquals(result.get("true").get(m).asDouble(), step.get("values").get(k).asDouble(), 0.0, m);
                }
                assertEquals(result.get("feasible").asBoolean() && !result.get("repaired").asBoolean(), step.get("within_limits").asBoolean(), line);
            }
            assertTrue(judged > 0 || result.get("returned_network").asText().startsWith("the final argmax network"), sets[i] + ": " + result);
        }
    }

    /**
     * As the papers ran it: each method's network gets the accelerator best for the objective alone, and
     * the verdict is on that pair; with coex's help the same search's pair meets the limits.
     */
    @Test
    void asPublishedEveryMethodKeepsTheObjectivesBestAcceleratorAndIsJudgedWithoutRepair() throws IOException {
        Path spec = dir.resolve("published.yaml");
        Files.writeString(spec, tinySearchSection() + "hardware: {template: systolic, space: {rows: [8, 16], cols: [8, 16], dataflow: [os, ws]}}\n"
                + "objective: energy\nlambda: 0.1\nconstraints: {latency_ms: 0.004}\noutput: " + dir.resolve("p") + "\n");
        Result r = coex("compare", spec.toString(), "--method", "soft,sequential", "--as-published", "--limits", "latency_ms=0.004", "--limits", "latency_ms=9",
                "--limits", "fps=100,energy_uj=50", "-o", dir.resolve("pub").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("hardware choice objective, no repair"), r.out());
        // soft choosing by the objective alone never sees the limits: its search runs once, and each set judges the same pair
        assertTrue(r.out().contains("the search of soft-lambda_0.1-latency_ms_0.004 serves this run too"), r.out());
        assertEquals(Files.readString(dir.resolve("pub/soft-lambda_0.1-latency_ms_0.004/result/architecture.json")),
                Files.readString(dir.resolve("pub/soft-lambda_0.1-latency_ms_9/result/architecture.json")));
        assertTrue(Files.readString(dir.resolve("pub/soft-lambda_0.1-latency_ms_9/result/result.json")).contains("\"feasible\" : true"));
        assertTrue(Files.readString(dir.resolve("pub/comparison.md")).startsWith("# coex compare\n\nAs the papers ran it"));
        try (var runs = Files.list(dir.resolve("pub"))) {
            List<Path> fps = runs.filter(p -> p.getFileName().toString().contains("-fps_")).toList();
            assertEquals(2, fps.size(), fps.toString());
            for (Path run : fps) assertTrue(Files.size(run.resolve("result/constraints.png")) > 0, "a frame-rate limit is plotted too: " + run);
        }
        ObjectMapper json = new ObjectMapper();
        var tech = org.coex.accel.tech.TechnologyTables.preset(org.coex.accel.tech.TechnologyTables.DEFAULT);
        for (String run : List.of("soft-lambda_0.1-latency_ms_0.004", "sequential-lambda_0.1-latency_ms_0.004")) {
            var result = json.readTree(dir.resolve("pub/" + run + "/result/result.json").toFile());
            assertEquals("objective", result.get("hardware_choice").asText());
            assertFalse(result.get("repair").asBoolean());
            assertFalse(result.get("repaired").asBoolean(), run);
            var network = org.coex.accel.interop.NetworkFiles.resolve(dir.resolve("pub/" + run + "/result/network.json").toString(), null);
            double least = Double.POSITIVE_INFINITY;
            for (int rows : new int[] {8, 16}) for (int cols : new int[] {8, 16}) for (String flow : List.of("os", "ws")) {
                var acc = new org.coex.accel.template.systolic.SystolicTemplate().configure(
                        org.coex.accel.space.HwConfig.of("rows", rows, "cols", cols, "dataflow", flow), tech);
                least = Math.min(least, acc.evaluate(network).metrics().energyUj());
            }
            assertEquals(least, result.get("true").get("energy_uj").asDouble(), 1e-9 * least, run + ": the energy-best accelerator, limits or not");
            boolean met = result.get("true").get("latency_ms").asDouble() <= 0.004;
            assertEquals(met, result.get("feasible").asBoolean(), run);
        }
        Result helped = coex("compare", spec.toString(), "--method", "soft,sequential", "--limits", "latency_ms=0.004", "--limits", "latency_ms=9",
                "-o", dir.resolve("helped").toString());
        assertEquals(0, helped.status(), helped.err());
        assertFalse(helped.out().contains("the search of soft"), "soft choosing within the limits searches per limit set: " + helped.out());
        assertTrue(helped.out().contains("the search of sequential-lambda_0.1-latency_ms_0.004 serves this run too"), helped.out());
        var result = json.readTree(dir.resolve("helped/sequential-lambda_0.1-latency_ms_0.004/result/result.json").toFile());
        assertEquals("within-limits", result.get("hardware_choice").asText());
        assertUserMistakeNoFiles(coex("compare", spec.toString(), "--as-published", "--repair", "true", "-o", dir.resolve("x").toString()), "--as-published");
        assertUserMistakeNoFiles(coex("compare", spec.toString(), "--hardware-choice", "best", "-o", dir.resolve("x").toString()), "--hardware-choice");
    }

    @Test
    void aComparisonRunsEveryCombinationAndTabulatesThem() throws IOException {
        Path spec = dir.resolve("search.yaml");
        Files.writeString(spec, tinySearchSection()
                + "hardware: {template: systolic, space: {rows: [8, 16], cols: [8, 16]}, fixed: {rows: 8, cols: 16}}\nconstraints: {latency_ms: 0.05}\n"
                + "lambda: 0.5\noutput: " + dir.resolve("c") + "\n");
        Result r = coex("compare", spec.toString(), "--method", "hdx,sequential,fixed-hw", "--limits", "latency_ms=0.05", "--limits", "latency_ms=0.1,area_mm2=9",
                "-o", dir.resolve("cmp").toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("nothing to resume"), "a fresh comparison's runs are not resumes: " + r.out());
        List<String> table = Files.readAllLines(dir.resolve("cmp/comparison.md")).stream().filter(l -> l.matches("\\| (hdx|sequential|fixed-hw)-.*")).toList();
        assertEquals(6, table.size(), String.join("\n", table));
        assertEquals(7, Files.readAllLines(dir.resolve("cmp/comparison.csv")).size());
        // the fixed-hw baseline keeps its accelerator
        assertTrue(Files.readString(dir.resolve("cmp/fixed-hw-lambda_0.5-latency_ms_0.05/result/result.json")).contains("\"rows\" : 8"));
        assertTrue(Files.size(dir.resolve("cmp/comparison.png")) > 1000);
        // runs that do not enforce their limits still plot them, per epoch from the evaluator's predictions
        assertTrue(Files.size(dir.resolve("cmp/sequential-lambda_0.5-latency_ms_0.05/result/constraints.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("cmp/sequential-lambda_0.5-latency_ms_0.05/result/report.md")).contains("not enforced"));
        // the hardware-unaware search runs once: the second sequential run starts from its finished checkpoint
        assertTrue(r.out().contains("the search of sequential-lambda_0.5-latency_ms_0.05 serves this run too"), r.out());
        String first = Files.readString(dir.resolve("cmp/sequential-lambda_0.5-latency_ms_0.05/result/architecture.json"));
        assertEquals(first, Files.readString(dir.resolve("cmp/sequential-lambda_0.5-latency_ms_0.1-area_mm2_9/result/architecture.json")));
        assertEquals(Files.readAllLines(dir.resolve("cmp/sequential-lambda_0.5-latency_ms_0.05/log.jsonl")),
                Files.readAllLines(dir.resolve("cmp/sequential-lambda_0.5-latency_ms_0.1-area_mm2_9/log.jsonl")));
        assertUserMistake(coex("compare", spec.toString(), "--method", "greedy", "-o", dir.resolve("out").toString()), 1, "--method: 'greedy'");
    }

    @Test
    void searchSpecMistakesAreOneLineWithTheKeyPath() throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "search: {epochs: 4}\nconstraints: {latency_ms: -1}\nmethod: hdx\n");
        assertUserMistake(coex("search", spec.toString()), 1, "bad.yaml:2: constraints.latency_ms: must be > 0 (found -1)");
        Files.writeString(spec, "search: {epohcs: 2}\n");
        assertUserMistake(coex("search", spec.toString()), 1, "search.epohcs: unknown key 'epohcs'; did you mean 'epochs'?");
        Files.writeString(spec, "output: " + dir.resolve("out") + "\n");
        assertUserMistake(coex("search", spec.toString(), "--threads", "0"), 1, "--threads: must be >= 1 (found 0)");
    }

    /** A folder of tiny Fashion-MNIST-shaped files: 96 training and 16 test images. */
    Path tinyFashion() throws IOException {
        Path data = Files.createDirectories(dir.resolve("tiny-fashion"));
        writeIdx(data, "train", 96);
        writeIdx(data, "t10k", 16);
        return data;
    }

    /** The {@code search:} section of a co-exploration spec over {@link #tinyFashion()}: 2 epochs, 1 warm-up. */
    String tinySearchSection() throws IOException {
        return "search: {validation: 32, epochs: 2, warmup_epochs: 1, batch_size: 16, crop_padding: 0, data_dir: " + tinyFashion() + "}\n";
    }

    /** Fashion-MNIST-shaped IDX files (28x28 noise, labels 0..9) named as the Debian package names them. */
    static void writeIdx(Path dir, String prefix, int count) throws IOException {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(count);
        java.nio.ByteBuffer images = java.nio.ByteBuffer.allocate(16 + count * 784).putInt(0x803).putInt(count).putInt(28).putInt(28);
        for (int i = 0; i < count * 784; i++) images.put((byte) rng.nextInt(256));
        java.nio.ByteBuffer labels = java.nio.ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count);
        for (int i = 0; i < count; i++) labels.put((byte) (i * 10 / count));   // sorted by class, as an image folder lists them
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        Result r = coex("scalesim", "--frobnicate");
        assertEquals(2, r.status());
        assertFalse(r.err().contains("\tat "));
    }

    /** The README's quick-tour inputs, shipped under examples/ (the ITs run in dance/). */
    static String example(String path) {
        Path p = Path.of("..", "examples", path).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(p), p + " is missing");
        return p.toString();
    }

    static String timeloopFile(String name) { return example("timeloop/" + name); }

    /** The README's SCALE-Sim commands, as written there, on the files it ships. */
    @Test
    void theReadmeScaleSimCommandsRunOnTheShippedFiles() throws IOException {
        Result conv = coex("scalesim", "-c", example("scalesim/scale.cfg"), "-t", example("scalesim/alexnet.csv"), "-p", dir.resolve("out").toString());
        assertEquals(0, conv.status(), conv.err());
        assertTrue(Files.isRegularFile(dir.resolve("out/scale_example_run_32x32_os/COMPUTE_REPORT.csv")));
        Result gemm = coex("scalesim", "-c", example("scalesim/google.cfg"), "-t", example("scalesim/gpt2.csv"), "-i", "gemm", "-p", dir.resolve("gemm").toString());
        assertEquals(0, gemm.status(), gemm.err());
    }

    @Test
    void timeloopReproducesTheReferenceRunFromTimeloopsOwnFiles() throws IOException {
        Result r = coex("timeloop", timeloopFile("input.yaml"), timeloopFile("map.yaml"), timeloopFile("ERT.yaml"),
                timeloopFile("ART.yaml"), "-o", dir.resolve("tl").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("cycles 5,505,024  energy 2764.38 uJ"), r.out());
        String json = Files.readString(dir.resolve("tl/coex-timeloop.json"));
        assertTrue(json.contains("\"cycles\" : 5505024"), json);
    }

    /** timeloop-mapper's own input (mapping: []) is mapped by coex; the map.yaml it writes is Timeloop's format and reads back. */
    @Test
    void timeloopMapsWhenTheFilesHoldNoMapping() throws IOException {
        Result r = coex("timeloop", timeloopFile("input.yaml"), timeloopFile("ERT.yaml"), timeloopFile("ART.yaml"), "-o", dir.resolve("mapped").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("mapped by coex's search, minimizing delay, then energy (chosen by mapper.optimization_metrics)"), r.out());
        String figures = r.out().lines().filter(l -> l.startsWith("computes ")).findFirst().orElseThrow();
        Result again = coex("timeloop", timeloopFile("input.yaml"), dir.resolve("mapped/map.yaml").toString(), timeloopFile("ERT.yaml"),
                timeloopFile("ART.yaml"), "-o", dir.resolve("again").toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains(figures), figures + "\n" + again.out());
    }

    /** A layer exported by coex cost reads back through coex timeloop to the very report written beside it. */
    @Test
    void anExportedLayerReadsBackToTheReportBesideIt() throws IOException {
        Result export = coex("cost", "resnet18", "--template", "spatial", "--export-timeloop", dir.resolve("tl").toString(), "--timeloop-style", "v3");
        assertEquals(0, export.status(), export.err());
        Path layer = dir.resolve("tl/layer2.0.conv1");
        List<String> files = new ArrayList<>();
        for (String f : List.of("arch.yaml", "problem.yaml", "map.yaml", "ERT.yaml", "ART.yaml")) files.add(layer.resolve(f).toString());
        files.addAll(List.of("-o", dir.resolve("back").toString()));
        files.add(0, "timeloop");
        Result back = coex(files.toArray(String[]::new));
        assertEquals(0, back.status(), back.err());
        assertEquals(Files.readString(layer.resolve("coex-timeloop.json")), Files.readString(dir.resolve("back/coex-timeloop.json")));
        assertTrue(Files.readString(layer.resolve("problem.yaml")).contains("data-spaces:"));
    }

    @Test
    void timeloopMistakesAreOneLineEach() throws IOException {
        Path map = write("map.yaml", "mapping:\n  - target: nowhere\n    type: temporal\n    factors: C1\n");
        assertUserMistake(coex("timeloop", timeloopFile("input.yaml"), map.toString(), "-o", dir.resolve("out").toString()), 1,
                "map.yaml:2: mapping[0].target: no level named 'nowhere'");
        assertUserMistake(coex("timeloop", map.toString(), "-o", dir.resolve("out").toString()), 2,
                "architecture: missing", "problem: missing");
    }

    @Test
    void optimizeFindsTheProvenOptimumOfASmallSpace() throws IOException {
        Path spec = write("o.yaml", "network: alexnet\nspace: {rows: [8, 32], cols: [8, 32], dataflow: [os, ws]}\n"
                + "objective: latency\nlimits: {area_mm2: 5}\noutput: out\n");
        Result r = coex("optimize", spec.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("8 of 8 configurations costed (exhaustive)") && r.out().contains("optimum: rows=32 cols=32"), r.out());
        assertTrue(Files.readString(dir.resolve("out/result.json")).contains("\"proven_optimal\" : true"));
    }

    @Test
    void optimizeExitsWith4WhenNothingMeetsTheLimits() throws IOException {
        Path spec = write("o.yaml", "network: alexnet\nspace: {rows: [8, 32], cols: [8, 32]}\nlimits: {area_mm2: 0.001}\noutput: out\n");
        Result r = coex("optimize", spec.toString());
        assertEquals(4, r.status(), r.err());
        assertTrue(r.out().contains("NO FEASIBLE CONFIGURATION; least violating: rows=8 cols=8"), r.out());
        assertTrue(r.out().contains("VIOLATED by"), r.out());
    }

    @Test
    void networksListsTheZoo() {
        Result r = coex("networks");
        assertEquals(0, r.status());
        assertEquals(5, r.out().lines().count());
    }
}
