package org.jmultiprocessing.internal.display;

import org.jmultiprocessing.spi.JobProgress;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jmultiprocessing.internal.runtime.LibraryThreads;

/**
 * A live view of one pool call's {@link JobProgress}. In a Jupyter kernel it is one display (text/html with a
 * text/plain twin) updated in place; on a terminal, one line rewritten with {@code \r}; elsewhere (output
 * piped, plain JShell's agent) nothing. One library thread redraws every open bar whose state changed, at
 * most {@link #REDRAWS_PER_SECOND} times a second; the final state is drawn by {@link #complete()} before the
 * caller sees the result, so a saved notebook keeps it.
 */
public final class ProgressBar {
    static final int REDRAWS_PER_SECOND = 10;
    private static final List<ProgressBar> OPEN = new ArrayList<>();
    private static Thread redrawer;

    private enum Sink { JUPYTER, TERMINAL, NONE }

    private final JobProgress progress;
    private Sink sink;
    private final JupyterKernel kernel;
    private final PrintStream terminal;
    private String displayId;
    private long drawnVersion = -1;
    private long drawnHalfSeconds = -1;
    private boolean completed;

    private ProgressBar(JobProgress progress, Sink sink, JupyterKernel kernel, PrintStream terminal) {
        this.progress = progress;
        this.sink = sink;
        this.kernel = kernel;
        this.terminal = terminal;
    }

    /** Opens a bar for {@code progress} in the running cell (or terminal) and keeps it redrawn until complete. */
    public static ProgressBar open(JobProgress progress) {
        JupyterKernel kernel = JupyterKernel.current();
        ProgressBar bar;
        if (kernel != null) {
            bar = new ProgressBar(progress, Sink.JUPYTER, kernel, null);
        } else if (isTerminal()) {
            bar = new ProgressBar(progress, Sink.TERMINAL, null, System.out);
        } else {
            bar = new ProgressBar(progress, Sink.NONE, null, null);
        }
        bar.draw(false);
        if (bar.sink != Sink.NONE) {
            synchronized (OPEN) {
                OPEN.add(bar);
                if (redrawer == null) {
                    redrawer = LibraryThreads.startDaemon(ProgressBar::redrawLoop, "jmp-progress");
                }
            }
        }
        return bar;
    }

    /** The call is over (its result is ready): draws the final state, once, and stops redrawing. */
    public void complete() {
        progress.finish();
        draw(true);
    }

    private static void redrawLoop() {
        while (true) {
            List<ProgressBar> bars;
            synchronized (OPEN) {
                OPEN.removeIf(bar -> bar.isCompleted());
                if (OPEN.isEmpty()) {
                    redrawer = null;
                    return;
                }
                bars = new ArrayList<>(OPEN);
            }
            for (ProgressBar bar : bars) {
                bar.draw(bar.progress.isFinished());
            }
            try {
                Thread.sleep(1000 / REDRAWS_PER_SECOND);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized boolean isCompleted() {
        return completed;
    }

    private synchronized void draw(boolean last) {
        if (completed) {
            return;
        }
        long version = progress.version();
        JobProgress.Snapshot state = progress.snapshot();
        // Elapsed time changes while nothing else does: a running bar redraws at least twice a second.
        boolean changed = version != drawnVersion || state.elapsedNanos() / 500_000_000L != drawnHalfSeconds;
        completed = last;
        if (!changed && !last) {
            return;
        }
        drawnVersion = version;
        drawnHalfSeconds = state.elapsedNanos() / 500_000_000L;
        switch (sink) {
            case JUPYTER -> {
                Map<String, String> bundle = new LinkedHashMap<>();
                bundle.put("text/plain", ProgressText.line(state));
                bundle.put("text/html", ProgressText.html(state));
                if (displayId == null) {
                    displayId = kernel.display(bundle);
                    if (displayId == null) {
                        // No cell to show it in: later draws must not land in some other cell.
                        sink = Sink.NONE;
                    }
                } else {
                    kernel.update(displayId, bundle);
                }
            }
            case TERMINAL -> {
                terminal.print("\r" + ProgressText.line(state) + (last ? "\n" : ""));
                terminal.flush();
            }
            case NONE -> {
            }
        }
    }

    /** Whether System.out is a terminal: {@code System.console()} is one, and on Java 22+ says it is a terminal. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
