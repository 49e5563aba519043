package org.coex.dance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user's mistakes, one row each: the command, the file it reads (written as given, with
 * {@code OUT} standing for an output folder), the fragment its one error line must hold. Every row
 * must end with exit status 2, exactly one line on stderr starting "error: ", no stack trace, and no
 * output folder.
 */
class BadInputsIT {
    @TempDir Path dir;

    /** A valid sweep and optimize spec body (a tiny network, a small systolic space); rows add one mistake. */
    static final String TARGET = "network: alexnet\n"
            + "template: systolic\nspace: {rows: [8, 16], cols: [8, 16]}\noutput: OUT\n";
    static final String SEARCH = "constraints: {latency_ms: 0.04}\noutput: OUT\n";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                row("search: negative epochs", "s.yaml", "search: {epochs: -3}\n" + SEARCH, "search.epochs: must be >= 1 (found -3)", "search", "FILE"),
                row("search: batch size 0", "s.yaml", "search: {batch_size: 0}\n" + SEARCH, "search.batch_size: must be >= 1 (found 0)", "search", "FILE"),
                row("search: momentum 1.5", "s.yaml", "search: {momentum: 1.5}\n" + SEARCH, "search.momentum: must be in [0, 1)", "search", "FILE"),
                row("search: negative weight decay", "s.yaml", "search: {weight_decay: -1}\n" + SEARCH, "search.weight_decay: must be >= 0", "search", "FILE"),
                row("search: negative lambda", "s.yaml", "lambda: -1\n" + SEARCH, "lambda: must be >= 0", "search", "FILE"),
                row("search: margin 1", "s.yaml", "hdx: {margin: 1}\n" + SEARCH, "hdx.margin: must be in [0, 1)", "search", "FILE"),
                row("search: growth 1", "s.yaml", "hdx: {growth: 1}\n" + SEARCH, "hdx.growth: must be > 1", "search", "FILE"),
                row("search: repair budget 0", "s.yaml", "repair_budget: 0\n" + SEARCH, "repair_budget: must be >= 1", "search", "FILE"),
                row("search: limit named latency", "s.yaml", "constraints: {latency: 0.04}\noutput: OUT\n", "did you mean 'latency_ms'?", "search", "FILE"),
                row("search: limit named area", "s.yaml", "constraints: {area: 1}\noutput: OUT\n", "did you mean 'area_mm2'?", "search", "FILE"),
                row("search: an infinite bound", "s.yaml", "constraints: {energy_uj: 1e999}\noutput: OUT\n", "constraints.energy_uj", "search", "FILE"),
                row("search: a list where the search section belongs", "s.yaml", "search: [1, 2]\n" + SEARCH, "s.yaml:1: search: must be a mapping of keys to values (found a list)", "search", "FILE"),
                row("search: more warm-up than epochs", "s.yaml", "search: {epochs: 2, warmup_epochs: 3}\n" + SEARCH, "search.warmup_epochs: must not exceed epochs (2)", "search", "FILE"),
                row("cost: a layer too large to count", "n.yaml", "name: x\ninput: [99999, 99999, 99999]\nlayers:\n  - {type: conv, out_channels: 99999, kernel: 3}\n",
                        "n.yaml:4: layers[0]: layer0: 9.00e+20 MACs (or input values) is more than coex counts exactly", "cost", "FILE"),
                row("scalesim: a GEMM row too large to count", "g.csv", "Layer,M,N,K,\nQ,2000000000,2000000000,2000000000,\n", "g.csv:2: Q: 8.00e+27 MACs",
                        "scalesim", "-c", "../examples/scalesim/google.cfg", "-t", "FILE", "-i", "gemm", "-p", "OUT"),
                row("search: a key twice", "s.yaml", "lambda: 0.1\n" + SEARCH + "lambda: 0.2\n", "s.yaml:4: lambda: 'lambda' is given twice (lines 1 and 4)", "search", "FILE"),
                row("search: a nested key twice", "s.yaml", "search: {epochs: 2, epochs: 3}\n" + SEARCH, "search.epochs: 'epochs' is given twice", "search", "FILE"),
                row("sweep: batch 0", "w.yaml", TARGET + "batch: 0\n", "w.yaml:5: batch: must be >= 1 (found 0)", "sweep", "FILE"),
                row("sweep: samples 0", "w.yaml", TARGET + "sampling: random\nsamples: 0\n", "samples: must be >= 1 (found 0)", "sweep", "FILE"),
                row("sweep: a key twice", "w.yaml", TARGET + "template: spatial\n", "'template' is given twice", "sweep", "FILE"),
                row("optimize: negative batch", "o.yaml", TARGET + "batch: -2\n", "batch: must be >= 1 (found -2)", "optimize", "FILE"),
                row("optimize: budget 0", "o.yaml", TARGET + "budget: 0\n", "budget: must be >= 1 (found 0)", "optimize", "FILE"),
                row("optimize: limit named latency", "o.yaml", TARGET + "limits: {latency: 0.1}\n", "did you mean 'latency_ms'?", "optimize", "FILE"),
                row("cost: batch 0", null, null, "--batch: must be >= 1 (found 0)", "cost", "resnet18", "--batch", "0"),
                row("evaluator generate: limit named latency", null, null, "--limit: unknown limit 'latency'; did you mean 'latency_ms'?",
                        "evaluator", "generate", "--limit", "latency=0.07", "-o", "OUT"),
                row("evaluator generate: a bound that is not a number", null, null, "--limit: the bound in 'area_mm2=big' is not a number",
                        "evaluator", "generate", "--limit", "area_mm2=big", "-o", "OUT"),
                row("evaluator generate: samples 0", null, null, "--samples: must be >= 1 (found 0)", "evaluator", "generate", "--samples", "0", "-o", "OUT"),
                row("evaluator generate: more samples than the disk holds", null, null, "--samples: 2,000,000,000 samples need ", "evaluator", "generate",
                        "--samples", "2000000000", "-o", "OUT"),
                row("evaluator train: hidden width 0", null, null, "--hidden: must be >= 1 (found 0)", "evaluator", "train", "OUT", "--hidden", "0,4", "-o", "OUT"),
                row("evaluator train: held-out 1", null, null, "--held-out: must be between 0 and 1", "evaluator", "train", "OUT", "--held-out", "1", "-o", "OUT"),
                row("nas train: negative weight decay", null, null, "--weight-decay: must be >= 0", "nas", "train", "arch.json", "--weight-decay", "-1", "-o", "OUT"),
                row("nas train: negative train limit", null, null, "--train-limit: must be >= 0", "nas", "train", "arch.json", "--train-limit", "-5", "-o", "OUT"),
                row("compare: limit named latency", "s.yaml", SEARCH, "--limits: unknown limit 'latency'; did you mean 'latency_ms'?",
                        "compare", "FILE", "--limits", "latency=0.03", "-o", "OUT"),
                row("scalesim: a GEMM topology without -i gemm", "g.csv", "Layer,M,N,K,\nQKT,1024,1024,64,\n", "g.csv:1: this is a GEMM topology (columns Layer, M, N, K): run it with -i gemm",
                        "scalesim", "-c", "../examples/scalesim/google.cfg", "-t", "FILE", "-p", "OUT"),
                row("scalesim: a convolution topology with -i gemm", "c.csv", "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\nc1, 8, 8, 3, 3, 3, 8, 1,\n",
                        "c.csv:1: this is a convolution topology", "scalesim", "-c", "../examples/scalesim/google.cfg", "-t", "FILE", "-i", "gemm", "-p", "OUT"),
                row("scalesim: a misspelt section", "m.cfg", "[genral]\nrun_name = x\n[architecture_presets]\nArrayHeight: 8\nArrayWidth: 8\nIfmapSramSzkB: 64\n"
                        + "FilterSramSzkB: 64\nOfmapSramSzkB: 64\nDataflow: os\n[run_presets]\nInterfaceBandwidth: CALC\n",
                        "m.cfg:1: unknown section [genral]; did you mean [general]?", "scalesim", "-c", "FILE", "-t", "../examples/scalesim/alexnet.csv", "-p", "OUT"),
                row("timeloop: a constraint coex cannot honour", "c.yaml", "mapspace_constraints:\n  - {target: shared_glb, type: skew, modulo: 4}\n",
                        "c.yaml:2: mapspace_constraints[0].type: coex cannot honour a 'skew' constraint", "timeloop", "../examples/timeloop/input.yaml", "FILE", "-o", "OUT"),
                row("timeloop: an unknown metric", null, null, "--metric: unknown metric 'fast'; use edp, energy or delay", "timeloop",
                        "../examples/timeloop/input.yaml", "--metric", "fast", "-o", "OUT"),
                row("timeloop: --timeloop-style of cost", null, null, "--timeloop-style: unknown style 'v5'", "cost", "resnet18", "--template", "spatial",
                        "--export-timeloop", "OUT", "--timeloop-style", "v5"),
                row("timeloop: factors that do not multiply to the problem", "map.yaml", "mapping:\n  - target: DRAM\n    type: temporal\n    factors: C128 M256 R3 S3 N1 P64 Q56\n",
                        "map.yaml:4: mapping[0].factors: factors of P multiply to 64, the problem has 56 (P64 at line 4)",
                        "timeloop", "../examples/timeloop/input.yaml", "FILE", "-o", "OUT"),
                row("timeloop: an ART of version 0.2", "ART.yaml", "ART:\n  version: 0.2\n  tables: []\n", "ART.yaml:2: ART.version: version 0.2 is not read",
                        "timeloop", "../examples/timeloop/input.yaml", "../examples/timeloop/map.yaml", "FILE", "-o", "OUT"),
                row("cost: --mappings on the systolic template", null, null, "--mappings: only the spatial template maps layers", "cost", "resnet18", "--mappings"),
                row("compare: negative lambda", "s.yaml", SEARCH, "--lambda: must be >= 0", "compare", "FILE", "--lambda", "-1", "-o", "OUT"),
                row("sweep: a seed that is not a whole number", "w.yaml", TARGET, "command line: Invalid value for option '--seed': '0.5' is not a long; "
                        + "see coex sweep --help", "sweep", "FILE", "--seed", "0.5"),
                row("cost: a misspelt option", null, null, "command line: Unknown options: '--bach', '3'; did you mean --batch? (coex cost --help)",
                        "cost", "resnet18", "--bach", "3"),
                row("scalesim: a required option left out", null, null, "command line: Missing required option: '--topology=CSV'; see coex scalesim --help",
                        "scalesim", "-c", "../examples/scalesim/scale.cfg", "-p", "OUT"));
    }

    static Arguments row(String name, String file, String content, String fragment, String... args) {
        return Arguments.of(name, file, content, fragment, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsOneLineWithExitTwoAndWritesNothing(String name, String file, String content, String fragment, List<String> args) throws IOException {
        Path out = dir.resolve("out");
        List<String> argv = new ArrayList<>();
        Path input = file == null ? null : dir.resolve(file);
        if (input != null) Files.writeString(input, content.replace("OUT", out.toString()));
        for (String a : args) argv.add(a.equals("FILE") ? input.toString() : a.replace("OUT", out.toString()));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = CoexCommand.run(new PrintWriter(o), new PrintWriter(e), argv.toArray(String[]::new));
        String err = e.toString();
        assertEquals(2, status, name + ": " + err + o);
        assertEquals(1, err.lines().count(), name + ": " + err);
        assertTrue(err.startsWith("error: "), err);
        assertTrue(err.contains(fragment), name + ": expected '" + fragment + "' in " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
        assertFalse(Files.exists(out), name + ": wrote " + out);
    }
}
