package org.coex.dance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.coex.dance.cli.CoexCommandIT.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template built in the test as a plugin jar, found in a plugin folder by every command, its numbers guarded. */
class PluginIT {
    @TempDir Path dir;

    static final String SIMD = """
            package demo;

            import java.util.Map;
            import org.coex.accel.cost.LayerCost;
            import org.coex.accel.space.*;
            import org.coex.accel.tech.TechnologyTable;
            import org.coex.accel.template.*;
            import org.coex.accel.workload.Layer;

            public final class Simd implements AcceleratorTemplate {
                public String name() { return "simd"; }
                public String description() { return "a row of SIMD lanes"; }
                public DesignSpace defaultSpace() { return DesignSpace.of(Parameter.of("lanes", 16, 64)); }
                public java.util.List<String> parameterNames() { return java.util.List.of("lanes", "fault"); }
                public Accelerator configure(HwConfig config, TechnologyTable tech) {
                    int lanes = config.intValue("lanes", 16);
                    boolean nan = config.stringValue("fault", "none").equals("nan");
                    return new Accelerator() {
                        public HwConfig config() { return config; }
                        public double clockMhz() { return 500; }
                        public Map<String, Double> areaUm2() { return Map.of("lanes", lanes * 1000.0); }
                        public LayerCost evaluate(Layer l) {
                            long cycles = (l.macs() + lanes - 1) / lanes;
                            return new LayerCost(l.name(), l.macs(), cycles, 0, l.macs() / (double) (cycles * lanes), Map.of(),
                                    Map.of("mac", l.macs() * tech.macPj(8), "dram", nan ? Double.NaN : 1.0));
                        }
                    };
                }
            }
            """;

    @AfterEach void forgetPlugins() { System.clearProperty("coex.plugins"); }

    /** Compiles {@code demo.Simd} against the test's class path and jars it with its services entry (and {@code extra} services lines). */
    Path pluginJar(Path folder, String name, String extraServices) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/demo")).resolve("Simd.java");
        Files.writeString(src, SIMD);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "the plugin compiles");
        Path jar = Files.createDirectories(folder).resolve(name);
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f)) {
            j.putNextEntry(new JarEntry("demo/Simd.class"));
            j.write(Files.readAllBytes(classes.resolve("demo/Simd.class")));
            for (Path inner : Files.list(classes.resolve("demo")).filter(p -> !p.getFileName().toString().equals("Simd.class")).toList()) {
                j.putNextEntry(new JarEntry("demo/" + inner.getFileName()));
                j.write(Files.readAllBytes(inner));
            }
            j.putNextEntry(new JarEntry("META-INF/services/org.coex.accel.template.AcceleratorTemplate"));
            j.write(("demo.Simd\n" + extraServices).getBytes());
        }
        return jar;
    }

    @Test
    void aPluginJarInAPluginFolderIsListedSweptAndGuarded() throws IOException {
        Path plugins = dir.resolve("plugins");
        Path jar = pluginJar(plugins, "simd.jar", "");
        System.setProperty("coex.plugins", plugins.toString());
        Result listed = CoexCommandIT.coex("templates");
        assertEquals(0, listed.status(), listed.err());
        assertTrue(listed.out().contains("simd: a row of SIMD lanes\n  from: " + jar), listed.out());
        assertTrue(listed.out().contains("systolic: "), "the built-ins are still there: " + listed.out());
        Path spec = Files.writeString(dir.resolve("s.yaml"), "network: alexnet\ntemplate: simd\noutput: " + dir.resolve("out") + "\n");
        Result sweep = CoexCommandIT.coex("sweep", spec.toString());
        assertEquals(0, sweep.status(), sweep.err());
        assertTrue(Files.readAllLines(dir.resolve("out/points.csv")).size() == 3, "two lanes settings");
        Path opt = Files.writeString(dir.resolve("opt.yaml"), "network: alexnet\ntemplate: simd\nobjective: energy\nlimits: {latency_ms: 1000}\noutput: "
                + dir.resolve("opt-out") + "\n");
        Result optimized = CoexCommandIT.coex("optimize", opt.toString());
        assertEquals(0, optimized.status(), optimized.err());
        assertTrue(optimized.out().contains("optimum: lanes="), optimized.out());
        Path data = Files.createDirectories(dir.resolve("tiny-fashion"));
        CoexCommandIT.writeIdx(data, "train", 96);
        CoexCommandIT.writeIdx(data, "t10k", 16);
        Path search = Files.writeString(dir.resolve("search.yaml"), "search: {validation: 32, epochs: 2, warmup_epochs: 1, batch_size: 16, crop_padding: 0, data_dir: "
                + data + "}\nhardware: {template: simd}\nobjective: latency\nlambda: 0.1\nconstraints: {latency_ms: 1}\noutput: " + dir.resolve("search-out") + "\n");
        Result searched = CoexCommandIT.coex("search", search.toString());
        assertEquals(0, searched.status(), searched.err());
        var accelerator = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("search-out/result/accelerator.json").toFile());
        assertEquals("simd", accelerator.get("template").asText(), "every template's accelerator is exported");
        assertTrue(accelerator.get("layers").size() > 3, accelerator.toString());
        Path nan = Files.writeString(dir.resolve("nan.yaml"), "network: alexnet\ntemplate: simd\nspace: {lanes: [16], fault: [nan]}\noutput: " + dir.resolve("nan-out") + "\n");
        Result bad = CoexCommandIT.coex("sweep", nan.toString());
        assertEquals(2, bad.status(), bad.err());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().startsWith("error: template 'simd' (lanes=16 fault=nan), layer conv1: energy 'dram' (pJ) is NaN; it must be finite and >= 0"), bad.err());
        assertTrue(!Files.exists(dir.resolve("nan-out")), "nothing written");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "network: alexnet\ntemplate: simd\nspace: {lane: [16]}\noutput: " + dir.resolve("typo-out") + "\n");
        Result misspelt = CoexCommandIT.coex("sweep", typo.toString());
        assertEquals(2, misspelt.status(), misspelt.err());
        assertTrue(misspelt.err().contains("unknown parameter 'lane' of template 'simd'; did you mean 'lanes'? parameters: lanes, fault"), misspelt.err());
        Result set = CoexCommandIT.coex("cost", "alexnet", "--template", "simd", "--set", "lane=64");
        assertEquals(2, set.status(), set.err());
        assertTrue(set.err().startsWith("error: command line: --set: unknown parameter 'lane'"), set.err());
        Result cost = CoexCommandIT.coex("cost", "alexnet", "--template", "simd", "--set", "fault=nan");
        assertEquals(2, cost.status(), cost.err());
        assertTrue(cost.err().contains("is NaN"), cost.err());
    }

    @Test
    void aBrokenServicesEntryIsOneWarningAndTheOthersStillWork() throws IOException {
        Path plugins = dir.resolve("broken");
        pluginJar(plugins, "simd.jar", "demo.Missing\n");
        System.setProperty("coex.plugins", plugins.toString());
        Result r = CoexCommandIT.coex("cost", "alexnet", "--template", "systolic");
        assertEquals(0, r.status(), r.err());
        List<String> warnings = r.errLines();
        assertEquals(1, warnings.size(), r.err());
        assertTrue(warnings.get(0).startsWith("warning: a template provider could not be loaded and is skipped: ") && warnings.get(0).contains("demo.Missing"), r.err());
        Result simd = CoexCommandIT.coex("cost", "alexnet", "--template", "simd");
        assertEquals(0, simd.status(), simd.err());
    }
}
