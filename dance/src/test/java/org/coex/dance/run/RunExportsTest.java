package org.coex.dance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coex.accel.interop.NetworkFiles;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.Network;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExportsTest {
    @TempDir Path dir;

    @Test
    void theAcceleratorGoesOutAsAScaleSimConfigOrTimeloopInputs() throws IOException {
        Network net = new Architecture(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).toNetwork(SearchSpace.fashionMnistDefault());
        var tech = TechnologyTables.preset(TechnologyTables.DEFAULT);
        Map<String, byte[]> systolic = RunExports.files(new SystolicTemplate(), tech, HwConfig.of("rows", 16, "cols", 16), net);
        assertTrue(new String(systolic.get("accelerator.cfg")).contains("ArrayHeight"), new String(systolic.get("accelerator.cfg")));
        Map<String, byte[]> spatial = RunExports.files(new SpatialTemplate(), tech, HwConfig.of(), net);
        long layerDirs = spatial.keySet().stream().filter(k -> k.startsWith("timeloop/")).map(k -> k.split("/")[1]).distinct().count();
        assertEquals(net.layers().size(), layerDirs);
    }
}
