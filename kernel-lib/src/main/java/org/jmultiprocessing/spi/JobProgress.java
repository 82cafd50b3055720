package org.jmultiprocessing.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far one pool call has got: items done and failed, the total once known, and what each worker is doing.
 * Every pool call keeps one (a few counters per chunk, not per item), so that a progress bar can be attached
 * to a call that is already running. Workers are keyed by pid.
 */
public final class JobProgress {
    /** A snapshot for drawing; {@code total} is -1 while the input's length is unknown. */
    public record Snapshot(String call, long total, long done, long failed, long startNanos, long nowNanos,
                           boolean finished, List<Worker> workers) {
        public long elapsedNanos() {
            return nowNanos - startNanos;
        }
    }

    /** One worker as this call saw it: items it completed for the call, and the items it is running now. */
    public record Worker(long pid, long done, int running) {
    }

    private static final class WorkerCounts {
        long done;
        int running;
    }

    private final String call;
    private final long startNanos = System.nanoTime();
    private final Map<Long, WorkerCounts> workers = new LinkedHashMap<>();
    private long total = -1;
    private long done;
    private long failed;
    private long endNanos;
    private boolean finished;
    private long version;

    /** @param call what the bar is labelled with, e.g. {@code "map"} */
    public JobProgress(String call) {
        this.call = call;
    }

    /** The pool method's name, e.g. {@code "map"}. */
    public String call() {
        return call;
    }

    public synchronized void total(long items) {
        total = items;
        version++;
    }

    /** Items submitted so far, when the input turned out to end: the total becomes known. */
    public synchronized void inputEnded(long items) {
        if (total < 0) {
            total = items;
            version++;
        }
    }

    public synchronized void workerStarted(long pid, int items) {
        workers.computeIfAbsent(pid, p -> new WorkerCounts()).running = items;
        version++;
    }

    public synchronized void workerEnded(long pid, int items, boolean succeeded) {
        WorkerCounts counts = workers.computeIfAbsent(pid, p -> new WorkerCounts());
        counts.running = 0;
        if (succeeded) {
            counts.done += items;
        }
        version++;
    }

    /** A chunk's outcome, counted before the caller can see it, so a bar drawn after the result is final. */
    public synchronized void chunkEnded(int items, boolean succeeded) {
        if (succeeded) {
            done += items;
        } else {
            failed += items;
        }
        version++;
    }

    public synchronized void finish() {
        if (!finished) {
            finished = true;
            endNanos = System.nanoTime();
            workers.values().forEach(w -> w.running = 0);
            version++;
        }
    }

    public synchronized boolean isFinished() {
        return finished;
    }

    /** Changes whenever the state does: a bar is redrawn only when it has changed. */
    public synchronized long version() {
        return version;
    }

    public synchronized Snapshot snapshot() {
        List<Worker> list = new ArrayList<>();
        workers.forEach((pid, counts) -> list.add(new Worker(pid, counts.done, counts.running)));
        return new Snapshot(call, total, done, failed, startNanos, finished ? endNanos : System.nanoTime(), finished, list);
    }
}
