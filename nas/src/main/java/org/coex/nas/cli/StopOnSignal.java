package org.coex.nas.cli;

import java.util.ArrayList;
import java.util.List;
import org.coex.accel.explore.ProgressListener;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM during a training run into a clean stop at the next step
 * boundary: the JVM's default handling would start shutdown while PyTorch is inside a backward
 * pass and crash in native code. {@link #watch} wraps a progress listener (told after every step)
 * so that it throws {@link Stopped} once a signal has come; the caller's try-with-resources then
 * closes the trainer. The previous handlers come back on {@link #close}.
 */
public final class StopOnSignal implements AutoCloseable {
    /** Thrown at the first step boundary after a signal. */
    public static final class Stopped extends RuntimeException {
        Stopped(String signal) { super(signal); }
    }

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile String received;

    public StopOnSignal() {
        for (String name : new String[] {"INT", "TERM"}) {
            Signal s = new Signal(name);
            signals.add(s);
            previous.add(Signal.handle(s, sig -> received = "SIG" + sig.getName()));
        }
    }

    public ProgressListener watch(ProgressListener inner) {
        return new ProgressListener() {
            @Override public void progress(long done, long total) {
                inner.progress(done, total);
                String s = received;
                if (s != null) throw new Stopped(s);
            }

            @Override public void stage(String name) { inner.stage(name); }
        };
    }

    @Override public void close() {
        for (int i = 0; i < signals.size(); i++) Signal.handle(signals.get(i), previous.get(i));
    }
}
