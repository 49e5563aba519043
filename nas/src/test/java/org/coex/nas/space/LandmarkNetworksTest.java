package org.coex.nas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LandmarkNetworksTest {
    @Test
    void theExtremesAreTheFewestAndMostMacsOfEveryArchitecture() {
        SearchSpace s = WidthSpaces.TINY;
        List<Architecture> all = WidthSpaces.all(s);
        long min = all.stream().mapToLong(a -> a.toNetwork(s).macs()).min().orElseThrow();
        long max = all.stream().mapToLong(a -> a.toNetwork(s).macs()).max().orElseThrow();
        assertEquals(min, LandmarkNetworks.fewestMacs(s).toNetwork(s).macs());
        assertEquals(max, LandmarkNetworks.mostMacs(s).toNetwork(s).macs());
        assertEquals(all.size(), LandmarkNetworks.count(s), 0);
    }

    @Test
    void theMiddleNetworkTakesEveryListsMiddleEntry() {
        SearchSpace s = SearchSpaces.load(java.nio.file.Path.of("../examples/space-fmnist-width.yaml"));
        Architecture m = LandmarkNetworks.middle(s);
        assertEquals(List.of(12, 24, 40, 48), m.stageChannels(s));
        m.ops(s).forEach(op -> assertEquals(Op.mbconv(5, 3), op));
        assertEquals(16_772, LandmarkNetworks.fewestMacs(s).toNetwork(s).macs());   // the example's range, as its comment says
        assertEquals(4_710_136, LandmarkNetworks.mostMacs(s).toNetwork(s).macs());
        assertEquals(List.of(), LandmarkNetworks.middle(SearchSpace.fashionMnistDefault()).widths());
    }
}
