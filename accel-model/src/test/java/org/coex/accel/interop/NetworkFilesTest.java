package org.coex.accel.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.spec.SpecException;
import org.coex.accel.workload.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkFilesTest {
    @TempDir Path dir;

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void everyBuiltInNetworkWrittenReadsBackLayerForLayer() throws IOException {
        for (String name : org.coex.accel.workload.NetworkZoo.names()) {
            Network net = NetworkFiles.resolve(name, null);
            Network back = NetworkFiles.read(Files.write(dir.resolve(name + ".json"), NetworkFiles.write(net)));
            assertEquals(net.layers().size(), back.layers().size(), name);
            for (int i = 0; i < net.layers().size(); i++) {
                var a = net.layers().get(i);
                var b = back.layers().get(i);
                assertEquals(List.of(a.batch(), a.inH(), a.inW(), a.inC(), a.outC(), a.outH(), a.outW(), a.kernelH(), a.kernelW(), a.groups()),
                        List.of(b.batch(), b.inH(), b.inW(), b.inC(), b.outC(), b.outH(), b.outW(), b.kernelH(), b.kernelW(), b.groups()), name + " " + a.name());
            }
            assertEquals(net.macs(), back.macs(), name);
        }
    }

    @Test
    void layersWithoutInputReadThePreviousOutput() throws IOException {
        Network n = NetworkFiles.read(write("tiny.yaml", """
                name: tiny
                input: [32, 32, 3]
                layers:
                  - {name: conv1, type: conv, out_channels: 16, kernel: 3, stride: 2, padding: 1}
                  - {name: dw, type: depthwise, kernel: 3, padding: 1}
                  - {name: pw, type: pointwise, out_channels: 24}
                  - {name: fc, type: fc, out_features: 10}
                  - {name: attn, type: gemm, m: 64, n: 32, k: 16}
                """));
        assertEquals(5, n.layers().size());
        assertEquals(16, n.layers().get(1).groups());          // depthwise over conv1's 16 channels
        assertEquals(16 * 16 * 24, n.layers().get(3).inC());   // fc flattens pw's 16x16x24 output
        assertEquals(16L * 16 * 16 * 27 + 16L * 16 * 16 * 9 + 16L * 16 * 24 * 16 + 6144L * 10 + 64L * 32 * 16, n.macs());
    }

    @Test
    void jsonWorksToo() throws IOException {
        Network n = NetworkFiles.read(write("n.json", "{\"layers\": [{\"name\": \"c\", \"input\": [8, 8, 3], \"out_channels\": 4}]}"));
        assertEquals("n", n.name());
        assertEquals(6, n.layers().get(0).outH());   // 3x3 default kernel, no padding
    }

    @Test
    void resolvesZooNamesAndScaleSimCsvs() throws IOException {
        assertEquals("resnet18", NetworkFiles.resolve("resnet18", null).name());
        Path csv = write("g.csv", "Layer, M, N, K,\nQ,8,8,8,\n");
        assertEquals(512, NetworkFiles.resolve(csv.toString(), null).macs());
    }

    @Test
    void everyMistakeIsNamedWithItsLineAndKey() throws IOException {
        Path f = write("bad.yaml", """
                name: bad
                input: [32, 32, 3]
                layerz: []
                layers:
                  - {name: a, type: convolution, out_channels: 4}
                  - {name: b, type: conv, out_chanels: 4}
                  - {name: c, type: conv, out_channels: "many"}
                  - {name: d, type: conv, out_channels: 4, kernel: 99}
                """);
        SpecException e = assertThrows(SpecException.class, () -> NetworkFiles.read(f));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(f.toString(), "bad.yaml")).toList();
        assertEquals(List.of(   // b's misspelt out_channels is one mistake: no "conv layer needs 'out_channels'" too
                "bad.yaml:3: layerz: unknown key 'layerz'; did you mean 'layers'?",
                "bad.yaml:5: layers[0].type: unknown layer type 'convolution'; use one of conv, depthwise, pointwise, fc, gemm",
                "bad.yaml:6: layers[1].out_chanels: unknown key 'out_chanels'; did you mean 'out_channels'?",
                "bad.yaml:7: layers[2].out_channels: must be a whole number (found \"many\")",
                "bad.yaml:8: layers[3]: d: filter 99x99 is larger than its padded input 28x28"), lines);   // b and c chain 32 -> 30 -> 28
    }

    @Test
    void aTimeloopProblemFileIsAOneLayerNetwork() throws java.net.URISyntaxException {
        Path input = Path.of(NetworkFilesTest.class.getResource("/timeloop/input.yaml").toURI());
        Network n = NetworkFiles.resolve(input.toString(), null);
        assertEquals(1, n.layers().size());
        assertEquals(924_844_032L, n.macs());          // C128 M256 P=Q=56 R=S=3
        assertEquals(58, n.layers().get(0).inH());     // (56 - 1) * 1 + 3
        assertEquals(56, n.layers().get(0).outH());
    }

    @Test
    void malformedJsonSaysWhereWithoutJacksonsSourceNoise() throws IOException {
        Path f = write("n.json", "{\"layers\": [1, 2}\n");
        SpecException e = assertThrows(SpecException.class, () -> NetworkFiles.read(f));
        assertEquals(f + ":1: not valid JSON: Unexpected close marker '}': expected ']' (for Array starting at line 1, column 12)",
                e.problems().get(0).toString());
    }

    @Test
    void anEmptyFileIsOneProblem() throws IOException {
        Path f = write("empty.yaml", "\n");
        SpecException e = assertThrows(SpecException.class, () -> NetworkFiles.read(f));
        assertEquals(1, e.problems().size());
    }
}
