package org.coex.nas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.coex.accel.spec.SpecException;
import org.coex.accel.workload.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchSpaceTest {
    static final SearchSpace SPACE = SearchSpace.fashionMnistDefault();
    @TempDir Path dir;

    @Test
    void skipIsACandidateOnlyWhereShapesAgree() {
        List<SearchableLayer> layers = SPACE.layers();
        assertEquals(10, layers.size());
        for (SearchableLayer l : layers) {
            boolean legal = l.stride() == 1 && l.inChannels() == l.outChannels();
            assertEquals(legal, l.candidates().contains(Op.SKIP), "layer " + l.index());
        }
        // stage 0: 14 -> 7 (stride 2, 16 -> 24); stage 3 starts 80 -> 96 at stride 1: no skip there either
        assertEquals(List.of(false, true, false, true, true, false, true, true, false, true),
                layers.stream().map(l -> l.candidates().contains(Op.SKIP)).toList());
        assertEquals(2, layers.get(9).outSize());   // stem 28 -> 14, stages -> 7 -> 4 -> 2 -> 2
    }

    @Test
    void theEncodingLaysOutEveryLayersCandidatesInOrder() {
        ArchEncoding e = SPACE.encoding();
        assertEquals(10 * 6 + 6, e.length());
        assertEquals(6, e.offset(1));
        assertEquals(13, e.offset(2));   // layer 1 has 7 candidates
        Architecture a = new Architecture(List.of(5, 6, 0, 6, 1, 2, 6, 3, 4, 6));
        assertEquals(a, e.argmax(e.oneHot(a)));
        assertEquals(SPACE.fingerprint(), e.fingerprint());
    }

    @Test
    void toNetworkGivesEveryConvolutionWithItsShape() {
        Network allK3 = new Architecture(Collections.nCopies(10, 0)).toNetwork(SPACE);
        // stem + 10 x (expand, depthwise, project) + head + classifier
        assertEquals(1 + 30 + 2, allK3.layers().size());
        assertEquals(14L * 14 * 16 * 9, allK3.layers().get(0).macs());   // stride-2 stem
        assertEquals(7, allK3.layers().get(2).outH());   // layer0.depthwise, stride 2
        Network skips = new Architecture(List.of(0, 6, 0, 6, 6, 0, 6, 6, 0, 6)).toNetwork(SPACE);
        assertEquals(1 + 4 * 3 + 2, skips.layers().size());
        assertTrue(skips.macs() < allK3.macs());
    }

    @Test
    void expectedMacsOfAOneHotVectorAreTheNetworksMacs() {
        Architecture a = new Architecture(List.of(5, 6, 0, 6, 1, 2, 6, 3, 4, 6));
        assertEquals(a.toNetwork(SPACE).macs(), SPACE.expectedMacs(SPACE.encoding().oneHot(a)), 0.5);
    }

    @Test
    void architecturesRoundTripThroughJson() throws IOException {
        Architecture a = new Architecture(List.of(5, 6, 0, 6, 1, 2, 6, 3, 4, 6));
        Path f = Files.write(dir.resolve("arch.json"), ArchitectureJson.write(a, SPACE));
        assertEquals(a, ArchitectureJson.read(f, SPACE));
        SearchSpace other = new SearchSpace("other", 1, 28, 8, 3, 1, SPACE.stages(), SPACE.kernels(), SPACE.expansions(), true, 160, 10);
        assertNotEquals(SPACE.fingerprint(), other.fingerprint());
        SpecException e = assertThrows(SpecException.class, () -> ArchitectureJson.read(f, other));
        assertTrue(e.getMessage().contains("made for another search space"), e.getMessage());
    }

    @Test
    void badSearchSpacesAreOneLineEach() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                name: bad
                input: {channels: 1, size: 4}
                stem: {channels: 8, kernel: 4, stride: 1}
                stages:
                  - {channels: 0, layers: 2, stride: 2}
                  - {channels: 16, layers: 1, stride: 2}
                  - {channels: 16, layers: 1, stride: 2}
                ops: {kernels: [3, 4], expansions: [3], skp: true}
                """);
        SpecException e = assertThrows(SpecException.class, () -> SearchSpaces.load(f));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(f.toString(), "s.yaml")).toList();
        assertEquals(List.of(
                "s.yaml:3: stem.kernel: must be odd (found 4)",
                "s.yaml:5: stages[0].channels: must be >= 1 (found 0)",
                "s.yaml:7: stages[2].stride: stride 2 would shrink the 1x1 map below 1x1; use at most 1",
                "s.yaml:8: ops.skp: unknown key 'skp'; did you mean 'skip'?",
                "s.yaml:8: ops.kernels[1]: kernels must be odd and >= 1 (found 4)"), lines);
        Path empty = Files.writeString(dir.resolve("e.yaml"), "name: e\nops: {kernels: [], expansions: [1]}\n");
        e = assertThrows(SpecException.class, () -> SearchSpaces.load(empty));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().endsWith("ops.kernels: is empty; list at least one value, or leave the key out for the default [3, 5, 7]"),
                e.getMessage());
    }

    @Test
    void aValidYamlSpaceEqualsTheSameSpaceBuiltInCode() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                name: fashion-mnist-default
                input: {channels: 1, size: 28}
                stem: {channels: 16, kernel: 3, stride: 2}
                stages:
                  - {channels: 24, layers: 2, stride: 2}
                  - {channels: 40, layers: 3, stride: 2}
                  - {channels: 80, layers: 3, stride: 2}
                  - {channels: 96, layers: 2, stride: 1}
                ops: {kernels: [3, 5, 7], expansions: [3, 6], skip: true}
                head: {channels: 160}
                classes: 10
                """);
        assertEquals(SPACE, SearchSpaces.load(f));
    }

    @Test
    void theDefaultSpacesFingerprintIsTheOneItAlwaysHad() {
        assertEquals("2eb62ee9c2e9bb82", SPACE.fingerprint());   // runs and trained evaluators made before widths keep loading
        assertTrue(SPACE.costTerms().identity());
    }

    @Test
    void inAWidthSpaceSkipAndResidualNeedWidthsThatAlwaysAgree() {
        SearchSpace s = WidthSpaces.TINY;
        List<SearchableLayer> layers = s.layers();
        assertEquals(List.of(false, true, false, true, false), layers.stream().map(SearchableLayer::residual).toList());
        for (SearchableLayer l : layers) assertEquals(l.residual(), l.candidates().contains(Op.SKIP), "layer " + l.index());
        assertEquals(List.of(8, 12, 16), layers.get(4).inWidths());   // stage 2's first layer reads stage 1's choice
        assertEquals(1, layers.get(4).inStage());
        assertEquals(List.of(4), layers.get(0).inWidths());           // the stem is fixed
        ArchEncoding e = s.encoding();
        assertEquals(4 + 5 + 4 + 5 + 4 + 2 + 3, e.length());
        assertEquals(22, e.widthOffset(0));
        assertEquals(24, e.widthOffset(1));
        assertEquals(-1, e.widthOffset(2));
    }

    @Test
    void aWidthArchitecturesNetworkHasTheChosenChannelsEverywhere() {
        SearchSpace s = WidthSpaces.TINY;
        Architecture a = new Architecture(List.of(1, 4, 3, 0, 2), List.of(1, 0, 0));   // 8 then 8 channels
        Network n = a.toNetwork(s);
        assertEquals(List.of(8, 8, 16), a.stageChannels(s));
        // stem; layer0 k3 e3: expand 4 -> 12, depthwise, project 12 -> 8; layer1 skip; layer2 k5 e3 8 -> 24 -> 8; layer3 k3 e1 8 -> 8;
        // layer4 k5 e1 8 -> 16; head 16 -> 24; classifier
        assertEquals(List.of("stem", "layer0.expand", "layer0.depthwise", "layer0.project", "layer2.expand", "layer2.depthwise", "layer2.project",
                "layer3.depthwise", "layer3.project", "layer4.depthwise", "layer4.project", "head", "classifier"),
                n.layers().stream().map(org.coex.accel.workload.Layer::name).toList());
        assertEquals(12, n.layers().get(1).outC());
        assertEquals(8, n.layers().get(3).outC());
        assertEquals(8, n.layers().get(9).outC());      // layer4 depthwise on stage 1's 8 channels
        assertEquals(16, n.layers().get(11).inC());     // head
        assertEquals("tiny-widths-14302-w100", n.name());
        assertEquals(a, s.encoding().argmax(s.encoding().oneHot(a)));
    }

    @Test
    void expectedMacsAreExactlyTheAverageOverEveryArchitecture() {
        SearchSpace s = WidthSpaces.TINY;
        List<Architecture> all = WidthSpaces.all(s);
        assertEquals(4 * 5 * 4 * 5 * 4 * 2 * 3, all.size());
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        ArchEncoding e = s.encoding();
        double[] p = new double[e.length()];
        List<Integer> blocks = e.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            double sum = 0;
            for (int j = 0; j < blocks.get(b); j++) sum += p[e.blockOffset(b) + j] = rng.nextDouble();
            for (int j = 0; j < blocks.get(b); j++) p[e.blockOffset(b) + j] /= sum;
        }
        double enumerated = 0;
        for (Architecture a : all) {
            double prob = 1;
            double[] hot = e.oneHot(a);
            for (int k = 0; k < hot.length; k++) if (hot[k] == 1) prob *= p[k];
            enumerated += prob * a.toNetwork(s).macs();
        }
        assertEquals(enumerated, s.expectedMacs(p), 1e-9 * enumerated);
        assertEquals(3, s.costTerms().degree());
        for (Architecture a : all.subList(0, 200)) assertEquals(a.toNetwork(s).macs(), s.expectedMacs(e.oneHot(a)), 0.5);
    }

    @Test
    void widthArchitecturesRoundTripThroughJsonAndAForeignWidthIsNamed() throws IOException {
        SearchSpace s = WidthSpaces.TINY;
        Architecture a = new Architecture(List.of(1, 4, 3, 0, 2), List.of(1, 2, 0));
        byte[] json = ArchitectureJson.write(a, s);
        assertTrue(new String(json).contains("\"channels\" : 16"), new String(json));
        Path f = Files.write(dir.resolve("arch.json"), json);
        assertEquals(a, ArchitectureJson.read(f, s));
        Path bad = Files.writeString(dir.resolve("bad.json"), new String(json).replaceFirst("\"channels\" : 16", "\"channels\" : 20"));
        SpecException e = assertThrows(SpecException.class, () -> ArchitectureJson.read(bad, s));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("stages[1].channels: 20 is not a width of stage 1; widths: [8, 12, 16]"), e.getMessage());
    }

    @Test
    void aStageMayListItsWidthsAndBadListsAreNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("w.yaml"), """
                name: tiny-widths
                input: {channels: 1, size: 8}
                stem: {channels: 4, kernel: 3, stride: 1}
                stages:
                  - {channels: [4, 8], layers: 2, stride: 2}
                  - {channels: [8, 12, 16], layers: 2, stride: 2}
                  - {channels: 16, layers: 1, stride: 1}
                ops: {kernels: [3, 5], expansions: [1, 3], skip: true}
                head: {channels: 24}
                classes: 10
                """);
        assertEquals(WidthSpaces.TINY, SearchSpaces.load(f));
        Path bad = Files.writeString(dir.resolve("b.yaml"), """
                stages:
                  - {channels: [], layers: 2, stride: 2}
                  - {channels: [8, 8], layers: 2, stride: 2}
                  - {channels: [8, 0, x], layers: 1, stride: 1}
                """);
        SpecException e = assertThrows(SpecException.class, () -> SearchSpaces.load(bad));
        List<String> lines = e.problems().stream().map(p -> p.toString().replace(bad.toString(), "b.yaml")).toList();
        assertEquals(List.of(
                "b.yaml:2: stages[0].channels: is an empty list; give one width or a list of widths to choose from, e.g. [16, 24, 32]",
                "b.yaml:3: stages[1].channels[1]: width 8 is listed twice; list each width once",
                "b.yaml:4: stages[2].channels[1]: widths must be >= 1 (found 0)",
                "b.yaml:4: stages[2].channels[2]: must be a whole number (found \"x\")"), lines);
    }
}
