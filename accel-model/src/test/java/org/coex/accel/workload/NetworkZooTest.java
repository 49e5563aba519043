package org.coex.accel.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Published MAC totals (torchvision / the papers), within 1 %. */
class NetworkZooTest {

    @ParameterizedTest
    @CsvSource({
        "alexnet, 724e6, 8",          // Krizhevsky 2012 with two-group conv2/4/5
        "vgg16, 15.47e9, 16",
        "resnet18, 1.814e9, 21",      // 17 convs + 3 downsample + fc
        "resnet50, 4.089e9, 54",      // 49 convs + 4 downsample + fc
        "mobilenetv2, 300.8e6, 53"})
    void macTotalsMatchPublishedFigures(String name, double publishedMacs, int layers) {
        Network n = NetworkZoo.byName(name).orElseThrow();
        assertEquals(publishedMacs, n.macs(), publishedMacs * 0.01, name);
        assertEquals(layers, n.layers().size(), name);
    }

    @Test
    void resnet50FirstLayerIsThe7x7StemAtImageNetResolution() {
        Layer stem = NetworkZoo.byName("ResNet-50").orElseThrow().layers().get(0);
        assertEquals(224, stem.inH());
        assertEquals(112, stem.outH());
        assertEquals(118_013_952L, stem.macs());   // 112*112*64*(7*7*3)
    }

    @Test
    void mobilenetV2DepthwiseLayersAreGrouped() {
        Network n = NetworkZoo.byName("mobilenetv2").orElseThrow();
        assertEquals(17, n.layers().stream().filter(Layer::isDepthwise).count());
        assertTrue(NetworkZoo.byName("nope").isEmpty());
    }
}
