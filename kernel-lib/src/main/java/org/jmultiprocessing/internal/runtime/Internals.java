package org.jmultiprocessing.internal.runtime;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.jmultiprocessing.spi.ProcessTask;

/**
 * What this JVM is, process-wide: its pid, the task it was started to run (none in the main process) and
 * who started it, and how its processes are numbered. The public {@code Process} builds its views of the
 * current and parent process from these facts.
 */
public final class Internals {
    private static final long PID = currentPid();
    /** Counts the processes created in this JVM, for Python-style identities and names ({@code Process-3}). */
    private static final AtomicInteger CREATED = new AtomicInteger();
    private static volatile ProcessTask task;
    private static volatile String parentName;
    private static volatile long parentPid;
    private static volatile boolean poolWorker;

    private Internals() {
    }

    public static long pid() {
        return PID;
    }

    /**
     * From {@code /proc} where there is one: the first use of {@code ProcessHandle} links lambdas, ~5 ms of
     * a cold child's start.
     */
    private static long currentPid() {
        try {
            return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
        } catch (IOException | NumberFormatException | SecurityException e) {
            return ProcessHandle.current().pid();
        }
    }

    /** The task this JVM was started to run, or {@code null} in the main process. */
    public static ProcessTask task() {
        return task;
    }

    /** The name of this JVM's process, as its children see their parent: {@code MainProcess} in the main process. */
    public static String processName() {
        ProcessTask t = task;
        return t == null ? "MainProcess" : t.name();
    }

    /** The name of the process that started this JVM, or {@code null} in the main process. */
    public static String parentName() {
        return parentName;
    }

    public static long parentPid() {
        return parentPid;
    }

    /** The identity of a new process created by a process of identity {@code creator}: one more number. */
    public static int[] nextChildIdentity(int[] creator) {
        int[] id = Arrays.copyOf(creator, creator.length + 1);
        id[creator.length] = CREATED.incrementAndGet();
        return id;
    }

    /** The identity of this JVM's process: empty in the main process. */
    public static int[] identity() {
        ProcessTask t = task;
        return t == null ? new int[0] : t.identity().clone();
    }

    /**
     * Whether this JVM's process counts as a daemon for the processes it starts: then it may start none, as
     * in Python. A pool worker is a daemon to its pool (terminated when the pool's program exits), yet its
     * tasks may start processes, not daemonic unless asked, as tasks of Python's ProcessPoolExecutor may:
     * here a child never outlives its parent, so the orphans Python's rule guards against cannot occur.
     */
    public static boolean daemonicTowardsChildren() {
        ProcessTask t = task;
        return !poolWorker && t != null && t.daemon();
    }

    /** Called by a pool worker before it runs anything of the caller's. */
    public static void becomePoolWorker() {
        poolWorker = true;
    }

    /** Called by the child bootstrap before it runs {@code received}: from now on this JVM is that process. */
    public static void becomeChild(ProcessTask received, String parent, long parentProcessId) {
        parentName = parent;
        parentPid = parentProcessId;
        task = received;
    }
}
