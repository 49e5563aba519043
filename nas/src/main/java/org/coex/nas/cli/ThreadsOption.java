package org.coex.nas.cli;

import org.coex.accel.spec.SpecException;
import org.coex.nas.supernet.TorchRuntime;
import picocli.CommandLine.Option;

/**
 * {@code --threads N}: PyTorch's intra-op threads for a command that trains (a picocli mixin). The
 * count is part of a run's identity: another count sums in another order, so a search takes another
 * path; checkpoints record it and a resume with another count is refused.
 */
public final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch intra-op threads (default: 1 for searches, as every figure in benchmarks/RESULTS.md; one per core for nas train)")
    Integer threads;

    /**
     * Uses the count asked for, or {@code fallback}, for what runs next.
     *
     * @throws SpecException naming {@code --threads} for a count below 1
     */
    public void apply(int fallback) {
        if (threads != null && threads < 1) throw SpecException.option("--threads", "must be >= 1 (found " + threads + ")");
        TorchRuntime.useThreads(threads == null ? fallback : threads);
    }
}
