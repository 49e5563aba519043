package org.coex.dance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coex.accel.cluster.ClusterTask;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.optimize.HardLimit;
import org.coex.dance.run.Comparison;
import org.coex.dance.spec.SearchSpec;
import org.coex.dance.spec.SearchSpecs;
import org.coex.nas.supernet.TorchRuntime;

/**
 * One cluster task of {@code coex compare --master}: the runs that share one search
 * ({@link Comparison#searchGroups}), run in order into their folders under the comparison's output
 * (which every worker must see). Reads the spec again from its file; a retried task resumes each run
 * from its own checkpoint, so it ends where an uninterrupted one would.
 *
 * @param runs one per run: method, lambda, its limits ({@code metric=bound,...}) and its folder
 */
record CompareGroup(String specFile, String dataDir, String hardwareChoice, boolean repair, int threads, List<Run> runs, String output)
        implements ClusterTask<Integer> {
    /**
     * The one thread of this JVM that searches. DJL's PyTorch engine allows one gradient collector per
     * process at a time, and PyTorch keeps its grad mode per thread, so the searches of one executor JVM
     * (local[N], or an executor with several cores) run one after another on this thread, as the plain
     * comparison runs them on its main thread; searches run side by side only in separate executors
     * (docs/cluster.md).
     */
    private static final java.util.concurrent.ExecutorService SEARCH_THREAD = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "coex-search");
        t.setDaemon(true);
        return t;
    });

    /** One run of the group as the task receives it. */
    record Run(String method, double lambda, List<String> limits, String folder) implements java.io.Serializable {
        static Run of(SearchSpec s) {
            return new Run(s.method().spelling(), s.lambda(), s.limits().stream().map(l -> l.metric().column() + "=" + l.bound()).toList(),
                    s.output().toString());
        }
    }

    @Override public Integer run() throws Exception {
        try {
            return SEARCH_THREAD.submit(this::search).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private int search() throws Exception {
        TorchRuntime.useThreads(threads);
        SearchSpec base = SearchSpecs.load(Path.of(specFile), dataDir == null ? null : Path.of(dataDir))
                .withHardwareChoice(SearchSpec.HardwareChoice.parse(hardwareChoice).orElseThrow(), repair);
        List<SearchSpec> group = new ArrayList<>();
        for (Run r : runs) {
            List<HardLimit> limits = new ArrayList<>();
            for (String l : r.limits()) limits.add(HardLimit.parse(l, HardLimit.NAMES));
            group.add(base.with(SearchSpec.Method.parse(r.method()).orElseThrow(), r.lambda(), limits, Path.of(r.folder())));
        }
        Comparison.runGroup(group, Path.of(output), line -> { }, ProgressListener.NONE);
        return group.size();
    }
}
