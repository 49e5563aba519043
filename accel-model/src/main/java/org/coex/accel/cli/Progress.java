package org.coex.accel.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.coex.accel.explore.ProgressListener;

/** A progress bar on a terminal; otherwise a line at every tenth of the work. Shared by every module's commands. */
public final class Progress implements ProgressListener, AutoCloseable {
    private String task;
    private final PrintWriter err;
    private final ProgressBar bar;
    private long lastTenth = -1;

    private Progress(String task, PrintWriter err, ProgressBar bar) {
        this.task = task;
        this.err = err;
        this.bar = bar;
    }

    public static Progress start(String task, PrintWriter err) {
        ProgressBar bar = System.console() == null ? null
                : new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setInitialMax(1)
                        .continuousUpdate().build();
        return new Progress(task, err, bar);
    }

    @Override public synchronized void progress(long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
            return;
        }
        long tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            err.printf("%s: %d%% (%,d/%,d)%n", task, tenth * 10, done, total);
            err.flush();
        }
    }

    /** "epoch 3/8": the bar's message on a terminal, the lines' prefix otherwise. */
    @Override public synchronized void stage(String name) {
        task = name;
        lastTenth = -1;
        if (bar != null) bar.setExtraMessage(name);
    }

    @Override public void close() {
        if (bar != null) bar.close();
    }
}
