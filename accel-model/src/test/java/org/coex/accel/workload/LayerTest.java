package org.coex.accel.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayerTest {

    @Test
    void convMacsAreOutputPixelsTimesFiltersTimesWindow() {
        Layer l = Layer.conv("c", 56, 56, 64, 128, 3, 1, 1);
        // 56x56 output (pad 1), 128 filters, window 3*3*64 = 576: 56*56*128*576 = 231,211,008
        assertEquals(56, l.outH());
        assertEquals(231_211_008L, l.macs());
        assertEquals(128L * 576, l.weightCount());
    }

    @Test
    void floorAndCeilRoundingDifferWhenTheWindowDoesNotTile() {
        Layer floor = new Layer("a", 1, 224, 224, 3, 96, 11, 11, 4, 4, 0, 0, 1, OutputRounding.FLOOR);
        Layer ceil = new Layer("a", 1, 224, 224, 3, 96, 11, 11, 4, 4, 0, 0, 1, OutputRounding.CEIL);
        assertEquals(54, floor.outH());   // floor((224 - 11) / 4) + 1 = 53 + 1
        assertEquals(55, ceil.outH());    // ceil((224 - 11 + 4) / 4) = ceil(54.25)
    }

    @Test
    void depthwiseHasOneChannelPerGroup() {
        Layer dw = Layer.depthwise("dw", 112, 112, 32, 3, 1, 1);
        assertTrue(dw.isDepthwise());
        assertEquals(1, dw.channelsPerGroup());
        assertEquals(112L * 112 * 32 * 9, dw.macs());   // 3,612,672
    }

    @Test
    void gemmIsA1x1ConvolutionOverMRows() {
        Layer g = Layer.gemm("g", 256, 128, 64);
        assertEquals(256L * 128 * 64, g.macs());
        assertEquals(256, g.outputPixels());
        assertEquals(64, g.windowSize());
        assertEquals(128, g.outC());
    }

    @Test
    void batchMultipliesMacsAndActivationsButNotWeights() {
        Layer l = Layer.conv("c", 8, 8, 4, 4, 3, 1, 1);
        Layer b = l.withBatch(8);
        assertEquals(8 * l.macs(), b.macs());
        assertEquals(8 * l.inputCount(), b.inputCount());
        assertEquals(l.weightCount(), b.weightCount());
    }

    @Test
    void rejectsZeroExtent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layer.conv("c", 0, 8, 3, 3, 3, 1, 1));
        assertEquals("c: input height must be >= 1, found 0", e.getMessage());
    }

    @Test
    void rejectsFilterLargerThanPaddedInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layer.conv("c", 4, 4, 3, 8, 7, 1, 1));
        assertTrue(e.getMessage().contains("larger than its padded input 6x6"), e.getMessage());
    }

    @Test
    void rejectsGroupsThatDoNotDivideChannels() {
        assertThrows(IllegalArgumentException.class,
                () -> new Layer("g", 1, 8, 8, 6, 8, 3, 3, 1, 1, 1, 1, 4, OutputRounding.FLOOR));
    }
}
