package org.jmultiprocessing.internal.display;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a timeline records while it is open: each child process's life (start, end, exit code), each chunk
 * of pool tasks on the worker that ran it, and marks. Times are {@link System#nanoTime()}: on Linux that is
 * the system-wide monotonic clock, so a mark made in a child lines up with the parent's events. The library
 * reports to every open recorder through the static methods, which return at once when none is open.
 */
public final class TimelineRecorder {
    /** One process's lane; {@code endNanos} is -1 and {@code exitCode} null while it runs. */
    public record Lane(long pid, String name, long startNanos, long endNanos, Integer exitCode) {
    }

    /** A chunk of pool tasks: {@code items} items of call {@code call}, run by worker {@code pid}. */
    public record Task(long pid, String call, int items, long startNanos, long endNanos, boolean succeeded) {
    }

    public record Mark(long pid, long nanos, String text) {
    }

    /** A copy of what was recorded, for drawing; {@code endNanos} is the close time, or now while open. */
    public record Recording(long startNanos, long endNanos, List<Lane> lanes, List<Task> tasks, List<Mark> marks) {
    }

    private static final List<TimelineRecorder> OPEN = new CopyOnWriteArrayList<>();

    private final long startNanos = System.nanoTime();
    private final Map<Long, Lane> lanes = new LinkedHashMap<>();
    private final List<Task> tasks = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private long endNanos = -1;

    /** Starts recording. */
    public static TimelineRecorder open(long mainPid, String mainName) {
        TimelineRecorder recorder = new TimelineRecorder();
        recorder.lanes.put(mainPid, new Lane(mainPid, mainName, recorder.startNanos, -1, null));
        OPEN.add(recorder);
        return recorder;
    }

    /** Whether any recorder is open: the library's hooks skip their work when none is. */
    public static boolean isAnyOpen() {
        return !OPEN.isEmpty();
    }

    public static void processStarted(long pid, String name) {
        long now = System.nanoTime();
        for (TimelineRecorder r : OPEN) {
            synchronized (r) {
                r.lanes.put(pid, new Lane(pid, name, now, -1, null));
            }
        }
    }

    /** A process that was running when this recorder opened. */
    public synchronized void alreadyRunning(long pid, String name) {
        lanes.putIfAbsent(pid, new Lane(pid, name, startNanos, -1, null));
    }

    public static void processEnded(long pid, int exitCode) {
        long now = System.nanoTime();
        for (TimelineRecorder r : OPEN) {
            synchronized (r) {
                Lane lane = r.lanes.get(pid);
                if (lane != null && lane.endNanos() < 0) {
                    r.lanes.put(pid, new Lane(pid, lane.name(), lane.startNanos(), now, exitCode));
                }
            }
        }
    }

    public static void taskRan(long pid, String call, int items, long startNanos, boolean succeeded) {
        if (OPEN.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (TimelineRecorder r : OPEN) {
            synchronized (r) {
                // A chunk already running when the recorder opened starts at the recorder's start.
                r.tasks.add(new Task(pid, call, items, Math.max(startNanos, r.startNanos), now, succeeded));
            }
        }
    }

    /** A mark made by process {@code pid} at {@code nanos} (its own clock reading). */
    public synchronized void mark(long pid, long nanos, String text) {
        if (endNanos < 0) {
            marks.add(new Mark(pid, nanos, text));
        }
    }

    /** Stops recording; what was recorded stays readable. */
    public synchronized void close() {
        if (endNanos < 0) {
            endNanos = System.nanoTime();
            OPEN.remove(this);
        }
    }

    public synchronized boolean isClosed() {
        return endNanos >= 0;
    }

    /** Marks in time order: a child's arrive when they are collected, possibly after later ones. */
    public synchronized Recording recording() {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingLong(Mark::nanos));
        return new Recording(startNanos, endNanos >= 0 ? endNanos : System.nanoTime(), new ArrayList<>(lanes.values()),
                new ArrayList<>(tasks), sorted);
    }
}
