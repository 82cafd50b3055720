package org.jmultiprocessing;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jmultiprocessing.internal.launch.ChildProcess;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.display.JupyterKernel;
import org.jmultiprocessing.internal.display.TimelineDrawing;
import org.jmultiprocessing.internal.display.TimelineRecorder;

/**
 * A record of who ran when, as viztracer gives Python: from {@link Multiprocessing#timeline()} until
 * {@link #close()}, when each child process started and ended (and how: exit code or signal), each chunk of
 * pool tasks on the worker that ran it, and marks a program adds with {@link #mark(String)}, from the
 * notebook or from any child the timeline is passed to (as an argument or a captured variable).
 *
 * <pre>{@code
 * try (var timeline = Multiprocessing.timeline()) {
 *     pool.map((Integer x) -> slowSquare(x), xs);
 *     timeline.mark("map done");
 *     timeline.show();              // an SVG Gantt chart in the cell; text where there is no Jupyter kernel
 * }
 * }</pre>
 *
 * Marks from children travel through a {@link Queue} the timeline owns; they are collected when the timeline
 * is shown, read or closed. Recording costs a few list appends per process and per chunk of tasks, never per
 * item. A closed timeline can still be shown.
 */
public final class Timeline implements AutoCloseable, Serializable {
    private static final long serialVersionUID = 1L;

    /** A child's mark on its way to the process that owns the timeline. */
    private record MarkMessage(long pid, long nanos, String text) implements Serializable {
    }

    private final Queue<MarkMessage> marks;
    /** Only in the process that opened the timeline. */
    private final transient TimelineRecorder recorder;

    Timeline() {
        this.marks = new Queue<>();
        this.recorder = TimelineRecorder.open(Internals.pid(), Multiprocessing.currentProcess().name());
        ChildProcess.recordRunning(recorder);
    }

    /** Adds a mark at this moment on this process's lane: {@code timeline.mark("got item 3")}. */
    public void mark(String text) {
        Objects.requireNonNull(text, "text");
        long now = System.nanoTime();
        if (recorder != null) {
            recorder.mark(Internals.pid(), now, text);
        } else {
            marks.put(new MarkMessage(Internals.pid(), now, text));
        }
    }

    /** Draws the timeline in the running cell as an SVG chart; without a Jupyter kernel, prints {@link #toText()}. */
    public void show() {
        TimelineRecorder.Recording recording = recording();
        JupyterKernel kernel = JupyterKernel.current();
        if (kernel != null) {
            Map<String, String> bundle = new LinkedHashMap<>();
            bundle.put("text/plain", TimelineDrawing.text(recording));
            bundle.put("image/svg+xml", TimelineDrawing.svg(recording));
            if (kernel.display(bundle) != null) {
                return;
            }
        }
        System.out.print(TimelineDrawing.text(recording));
        System.out.flush();
    }

    /** The timeline as text: one block per process (start, end, exit code), with its tasks and marks. */
    public String toText() {
        return TimelineDrawing.text(recording());
    }

    /** The timeline as an SVG document (what {@link #show()} displays). */
    public String toSvg() {
        return TimelineDrawing.svg(recording());
    }

    /** Stops recording; marks children sent before are kept. Idempotent. */
    @Override
    public void close() {
        TimelineRecorder owner = owner("close");
        if (!owner.isClosed()) {
            collectMarks();
            owner.close();
            marks.close();
        }
    }

    TimelineRecorder.Recording recording() {
        collectMarks();
        return owner("read").recording();
    }

    private void collectMarks() {
        TimelineRecorder owner = owner("read");
        if (owner.isClosed()) {
            return;
        }
        while (true) {
            MarkMessage message;
            try {
                message = marks.getNowait();
            } catch (Queue.Empty e) {
                return;
            }
            owner.mark(message.pid(), message.nanos(), message.text());
        }
    }

    private TimelineRecorder owner(String action) {
        if (recorder == null) {
            throw new IllegalStateException("cannot " + action + " a timeline in a child process: only mark() works"
                    + " there; show it in the process that called Multiprocessing.timeline()");
        }
        return recorder;
    }

    @Override
    public String toString() {
        return "<Timeline " + (recorder == null ? "marks only" : recorder.isClosed() ? "closed" : "recording") + ">";
    }
}
