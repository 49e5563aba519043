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
}
