package org.coex.nas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coex.accel.spec.SpecException;
import org.coex.nas.supernet.PathSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NasSpecsTest {
    @TempDir Path dir;

    @Test
    void theDefaultIsTheFashionMnistSpaceSearchedWithGumbel() throws IOException {
        NasSpec s = NasSpecs.builtInDefault();
        assertEquals("fashion-mnist-default", s.space().name());
        assertEquals(PathSampler.Strategy.GUMBEL, s.config().strategy());
        assertEquals(1_500, s.validationSize());
        assertEquals(3_000, s.trainLimit());
        assertEquals(1, s.config().warmupEpochs());
        // binary gates stay a choice
        NasSpec gates = NasSpecs.load(Files.writeString(dir.resolve("g.yaml"), "strategy: binary_gates\n"));
        assertEquals(PathSampler.Strategy.BINARY_GATES, gates.config().strategy());
    }

    @Test
    void aHardwareSectionMakesTheSearchHardwareAware() throws IOException {
        Path f = Files.writeString(dir.resolve("h.yaml"), "hardware: {template: systolic, config: {rows: 16, cols: 16}, metric: energy}\nlambda: 0.3\n");
        NasSpec s = NasSpecs.load(f);
        assertEquals(0.3, s.config().costLambda());
        assertEquals(org.coex.accel.cost.Metrics.Name.ENERGY, s.hardware().metric());
        Path bad = Files.writeString(dir.resolve("b.yaml"), "hardware: {template: tpu}\nlambda: 1\n");
        SpecException e = assertThrows(SpecException.class, () -> NasSpecs.load(bad));
        assertEquals(2, e.problems().size(), e.problems().toString());   // unknown template, and lambda without hardware
    }

    @Test
    void everyMistakeIsOneLine() throws IOException {
        Path f = Files.writeString(dir.resolve("n.yaml"), "epochs: 2\nwarmup_epochs: 5\nstrategy: darts\nweight_lr: -1\nbatchsize: 64\n");
        SpecException e = assertThrows(SpecException.class, () -> NasSpecs.load(f));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(f.toString(), "n.yaml")).toList();
        assertEquals(List.of(
                "n.yaml:5: batchsize: unknown key 'batchsize'; did you mean 'batch_size'?",
                "n.yaml:2: warmup_epochs: must not exceed epochs (2)",
                "n.yaml:3: strategy: must be gumbel or binary_gates (found \"darts\")",
                "n.yaml:4: weight_lr: must be > 0 (found -1)"), lines);
    }

    /** Random 3 x 32 x 32 CIFAR-10 records, labels i mod 10. */
    Path cifar(String name, int train) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (String f : List.of("data_batch_1.bin", "test_batch.bin")) {
            int n = f.startsWith("data") ? train : 10;
            byte[] b = new byte[n * 3073];
            for (int i = 0; i < n; i++) {
                b[i * 3073] = (byte) (i % 10);
                for (int j = 1; j < 3073; j++) b[i * 3073 + j] = (byte) rng.nextInt(256);
            }
            Files.write(d.resolve(f), b);
        }
        return d;
    }

    @Test
    void theDataShapesTheSpaceAndAFractionSetsTheValidation() throws IOException {
        Path data = cifar("c", 40);
        Path f = Files.writeString(dir.resolve("d.yaml"), "data: {path: c, validation: 0.25}\n");
        NasSpec s = NasSpecs.load(f);
        assertEquals(List.of(3, 32, 10), List.of(s.space().inputChannels(), s.space().inputSize(), s.space().classes()));
        assertEquals("default-3x32x32-10", s.space().name());
        assertEquals(10, s.validationSize());
        assertEquals("data: CIFAR-10 binary batches in " + data + ": 40 training + 10 test images of 3 x 32 x 32, 10 classes", s.dataLine());
        Path space = Files.writeString(dir.resolve("space.yaml"), "input: auto\nclasses: auto\nstages: [{channels: 8, layers: 1, stride: 2}]\n");
        NasSpec resized = NasSpecs.load(Files.writeString(dir.resolve("r.yaml"), "space: space.yaml\ndata: {path: c, resize: [16, 16], validation: 5}\n"));
        assertEquals(List.of(3, 16, 10), List.of(resized.space().inputChannels(), resized.space().inputSize(), resized.space().classes()));
        assertEquals(NasSpecs.load(f).settings(), s.settings(), "the same spec, the same run");
        org.junit.jupiter.api.Assertions.assertNotEquals(s.settings(), resized.settings());
        // --data replaces the folder and keeps the rest of the block
        assertEquals(data, NasSpecs.load(Files.writeString(dir.resolve("o.yaml"), "data: {path: elsewhere, validation: 0.25}\n"), data).data().path());
    }

    @Test
    void dataMistakesAreOneLineEach() throws IOException {
        cifar("c", 40);
        Files.writeString(dir.resolve("space.yaml"), "input: {channels: 1, size: 32}\nclasses: 100\n");
        Path f = Files.writeString(dir.resolve("bad.yaml"), "space: space.yaml\ndata: {path: c, format: tiff, resize: [0, 8], validation: 40, layout: hwc}\ndata_dir: x\n");
        SpecException e = assertThrows(SpecException.class, () -> NasSpecs.load(f));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
        assertEquals(List.of(
                "bad.yaml:2: data.format: unknown format \"tiff\"; use auto, idx, cifar, folder or npy",
                "bad.yaml:2: data.resize: sizes must lie in 1..4096 pixels (found 0 x 8)",
                "bad.yaml:2: data.layout: must be nhwc or nchw (the axis order of .npy images; found \"hwc\")",
                "bad.yaml:3: data_dir: give the folder once: data.path replaces data_dir",
                "bad.yaml:1: space: space.yaml:1: input.channels: 1 disagrees with the data (3 x 32 x 32 images, 10 classes); write 3 or auto",
                "bad.yaml:1: space: space.yaml:2: classes: 100 disagrees with the data (3 x 32 x 32 images, 10 classes); write 10 or auto",
                "bad.yaml:2: data.validation: holds out 40 of the 40 training images, leaving none to train on; give a smaller count or a fraction"), lines);
        Path wide = Files.createDirectories(dir.resolve("wide/train/a"));
        for (String c : List.of("train/a", "train/b", "test/a")) {
            Path p = Files.createDirectories(dir.resolve("wide").resolve(c)).resolve("1.png");
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(12, 8, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", p.toFile());
        }
        SpecException w = assertThrows(SpecException.class, () -> NasSpecs.load(Files.writeString(dir.resolve("w.yaml"), "data: {path: wide, validation: 1}\n")));
        assertEquals("w.yaml:1: data: the images are 8 x 12; coex's search spaces take square inputs: give data.resize: [n, n]",
                w.problems().get(0).toString().replace(dir + "/", ""));
    }
}
