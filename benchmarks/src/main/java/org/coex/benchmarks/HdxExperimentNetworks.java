package org.coex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The networks of issue 6's experiment that its accuracy claims compare, one line each for a
 * retraining loop: {@code MACS ARCHITECTURE_JSON}, in ascending MACs. A network is listed once
 * (under the first run folder that derived it) if some run derived it and met its limits under the
 * true cost model, or a sequential run derived it (the sequential claim compares it where it meets
 * them). {@link HdxExperimentTable}'s {@code --retrained} then reads the outputs. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.coex.benchmarks.HdxExperimentNetworks COMPARE_DIR...}
 */
public final class HdxExperimentNetworks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HdxExperimentNetworks() {}

    public static void main(String[] args) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (String a : args) dirs.add(Path.of(a));
        listed(dirs).forEach((macs, arch) -> System.out.println(macs + " " + arch));
    }

    /** MACs -> the architecture.json of the first run (folders in the given order, runs sorted) that derived that network and counts. */
    static Map<Long, Path> listed(List<Path> compareDirs) throws IOException {
        Map<Long, Path> byMacs = new TreeMap<>();
        for (Path dir : compareDirs) {
            for (Path run : HdxExperimentTable.runFolders(dir)) {
                JsonNode r = JSON.readTree(run.resolve("result/result.json").toFile());
                boolean counts = r.get("feasible").asBoolean() || r.get("method").asText().equals("sequential");
                if (counts) byMacs.putIfAbsent(r.get("macs").asLong(), run.resolve("result/architecture.json"));
            }
        }
        return byMacs;
    }
}
