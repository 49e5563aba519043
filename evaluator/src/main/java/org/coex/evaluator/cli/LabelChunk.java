package org.coex.evaluator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coex.accel.cluster.ClusterTask;
import org.coex.accel.explore.ProgressListener;
import org.coex.evaluator.data.ClusterGeneration;
import org.coex.evaluator.data.DatasetGeneration;
import picocli.CommandLine;

/**
 * One cluster task of {@code coex evaluator generate --master}: reads the command's options again
 * (absolute paths, so the files must be visible where it runs), sets the generation up once per
 * executor JVM (the cost cube is the expensive part), and labels samples [from, from + count) into
 * {@code dir} ({@link ClusterGeneration#labelChunk}).
 */
record LabelChunk(List<String> args, long from, int count, String dir) implements ClusterTask<Integer> {
    private static final Map<List<String>, DatasetGeneration.Request> SET_UP = new ConcurrentHashMap<>();

    @Override public Integer run() throws Exception {
        DatasetGeneration.Request r = SET_UP.computeIfAbsent(args, a -> {
            EvaluatorCommand.Generate g = CommandLine.populateCommand(new EvaluatorCommand.Generate(), a.toArray(String[]::new));
            return g.prepare(g.inputs(), ProgressListener.NONE).request();
        });
        return ClusterGeneration.labelChunk(r, from, count, Path.of(dir));
    }
}
