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
            description = {"PyTorch intra-op threads that `${COMMAND-FULL-NAME}` trains with (default: 1; one per core for `coex nas train`).",
                "The count is part of a run: another one takes another path from the first step, and a checkpoint resumes only with its own."})
    Integer threads;

    /**
     * Uses the count asked for, or {@code fallback}, for what runs next.
     *
     * @throws SpecException naming {@code --threads} for a count below 1
     */
    public void apply(int fallback) { TorchRuntime.useThreads(count(fallback)); }

    /**
     * The count asked for, or {@code fallback}.
     *
     * @throws SpecException naming {@code --threads} for a count below 1
     */
    public int count(int fallback) {
        if (threads != null && threads < 1) throw SpecException.option("--threads", "must be >= 1 (found " + threads + ")");
        return threads == null ? fallback : threads;
    }
}
