package org.coex.accel.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coex.accel.spec.SpecException;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.OutputRounding;
import org.junit.jupiter.api.Test;

class ScaleSimTopologiesTest {
    static final String HEADER = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,";

    static ScaleSimTopology conv(String... rows) {
        return ScaleSimTopologies.parse("t.csv", "t", List.of(concat(HEADER, rows)), false);
    }

    static String[] concat(String head, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = head;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void readsARowWithTrailingCommaAndTheCeilingRule() {
        Layer l = conv("Conv1,224,224,11,11,3,96,4,").layers().get(0);
        assertEquals(OutputRounding.CEIL, l.rounding());
        assertEquals(55, l.outH());   // ceil((224-11+4)/4)
        assertEquals(4, l.strideW());
    }

    @Test
    void aNineFieldRowWithoutTrailingCommaLosesItsLastFieldAsInScaleSim() {
        ScaleSimTopology t = conv("Conv1,  224, 224,    11, 11,    3,      96,     4,1");
        assertEquals(4, t.layers().get(0).strideW());   // SCALE-Sim drops the '1'
        assertTrue(t.warnings().get(0).contains("t.csv:2: no trailing comma"), t.warnings().toString());
    }

    @Test
    void anEightFieldRowWithoutTrailingCommaKeepsItsStrideAndWarns() {
        ScaleSimTopology t = conv("c,10,10,3,3,2,4,2");
        assertEquals(2, t.layers().get(0).strideH());
        assertEquals(1, t.warnings().size());
    }

    @Test
    void aNinthColumnIsTheStrideAlongTheWidth() {
        Layer l = conv("c,10,12,3,3,2,4,1,2,").layers().get(0);
        assertEquals(1, l.strideH());
        assertEquals(2, l.strideW());
        assertEquals(6, l.outW());   // ceil((12-3+2)/2) = ceil(5.5)
    }

    @Test
    void depthwiseRowsAreSplitIntoOneLayerPerChannel() {
        ScaleSimTopology t = conv("Conv2DP,112,112,3,3,4,1,1,");
        assertEquals(4, t.layers().size());
        assertEquals("Conv2DPChannel_3", t.layers().get(3).name());
        assertEquals(1, t.layers().get(0).inC());
    }

    @Test
    void gemmRowsBecomeAConvWithAFilterAsWideAsK() {
        Layer l = ScaleSimTopologies.parse("g.csv", "g", List.of("Layer,M,N,K,", "QKT,1024,1024,64,"), true).layers().get(0);
        assertEquals(1024, l.outputPixels());   // M
        assertEquals(64, l.windowSize());       // K
        assertEquals(1024, l.outC());           // N
    }

    @Test
    void skipsBlankAndEmptyFieldRowsAndIgnoresExtraColumns() {
        ScaleSimTopology t = conv("", ",,,,,,,,,,,,", "Conv1,224,224,7,7,3,64,2,,,110,110,12100");
        assertEquals(1, t.layers().size());
        assertEquals(2, t.layers().get(0).strideW());
        // the empty row, the missing trailing comma (12100 dropped as SCALE-Sim drops it), the extra columns
        assertEquals(3, t.warnings().size(), t.warnings().toString());
    }

    @Test
    void aFirstLineThatLooksLikeALayerIsStillTheHeaderWithAWarning() {
        ScaleSimTopology t = ScaleSimTopologies.parse("t.csv", "t", List.of("Conv1, 224, 224, 11, 11, 3, 96, 4,", "Conv2,27,27,5,5,96,256,1,"), false);
        assertEquals(List.of("Conv2"), t.layers().stream().map(l -> l.name()).toList(), "SCALE-Sim skips the first line whatever it holds");
        assertEquals(List.of("t.csv:1: the first line is read as the header, as SCALE-Sim reads it, but looks like a layer ('Conv1'), which is not costed; "
                + "put the header line first"), t.warnings());
        assertEquals(List.of(), conv("a,8,8,3,3,1,1,1,").warnings(), "a real header says nothing");
    }

    @Test
    void repeatedNamesGetASuffix() {
        ScaleSimTopology t = conv("a,8,8,3,3,1,1,1,", "a,8,8,3,3,1,1,1,");
        assertEquals("a_2", t.layers().get(1).name());
    }

    @Test
    void everyMalformedRowIsReportedWithItsLine() {
        SpecException e = assertThrows(SpecException.class, () -> conv(
                "ok,8,8,3,3,1,1,1,", "short,8,8,3,", "zero,0,8,3,3,1,1,1,", "word,8,eight,3,3,1,1,1,", "big,4,4,5,5,1,1,1,"));
        List<String> lines = e.problems().stream().map(Object::toString).toList();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("t.csv:3: expected 8 fields"), lines.get(0));
        assertEquals("t.csv:4: IFMAP Height: must be >= 1 (found 0)", lines.get(1));
        assertEquals("t.csv:5: IFMAP Width: must be a whole number (found 'eight')", lines.get(2));
        assertTrue(lines.get(3).startsWith("t.csv:6: Filter Height: filter 5x5 is larger than the ifmap 4x4"), lines.get(3));
    }

    @Test
    void aFileWithOnlyAHeaderHasNoLayers() {
        SpecException e = assertThrows(SpecException.class, () -> conv());
        assertTrue(e.getMessage().contains("no layers"), e.getMessage());
    }

    @Test
    void readsEveryReferenceTopology() {
        for (String f : List.of("alexnet", "alexnet_part", "Resnet18", "Resnet50", "mobilenet", "yolo_tiny")) {
            assertTrue(ScaleSimTopologies.read(ScaleSimGoldenTest.resource("topologies/" + f + ".csv"), false).layers().size() > 0, f);
        }
        assertEquals(6, ScaleSimTopologies.read(ScaleSimGoldenTest.resource("topologies/gpt2.csv"), true).layers().size());
    }
}
