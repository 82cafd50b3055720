package org.jmultiprocessing.internal.runtime;

import org.jmultiprocessing.internal.ship.ProcessParts;
import org.jmultiprocessing.internal.ship.ReflectiveTarget;
import java.io.File;
import java.io.IOException;

import org.jmultiprocessing.Process;

/**
 * The bridge between the public {@link Process} and this package, so that bootstrapping hooks need not be
 * public methods of the API (the JDK's SharedSecrets pattern).
 */
public final class Internals {
    /** What this package needs from {@link Process} that its public API does not offer. */
    public interface ProcessAccess {
        /** Runs the process's target in this JVM as its current process; returns the exit code. */
        int runAsCurrent(Process process, long parentPid);

        /** A view of a process this JVM did not start. */
        Process view(String name, int[] identity, long pid);

        int[] identity(Process process);

        /** What a {@code Process} (not a subclass) sends to its child. */
        public ProcessParts parts(Process process);

        public Process rebuild(ProcessParts parts);
    }

    private static final long PID = currentPid();
    private static volatile ProcessAccess access;
    private static volatile Process current;
    private static volatile Process parent;
    private static volatile boolean poolWorker;

    private Internals() {
    }

    /**
     * Called by {@link Process}'s static initializer. A notebook cell sees this class on its classpath, so
     * any other caller is refused: the access must be a class of {@code Process}'s nest, which only
     * {@code Process}'s own source can declare.
     */
    public static void registerProcessAccess(ProcessAccess processAccess) {
        if (processAccess.getClass().getNestHost() != Process.class) {
            throw new IllegalCallerException("only " + Process.class.getName() + " registers how this library reaches"
                    + " into it, not " + processAccess.getClass().getName() + ": " + Internals.class.getPackageName()
                    + " is internal, not an API (use the public classes of " + Process.class.getPackageName() + ")");
        }
        access = processAccess;
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

    public static Process currentProcess() {
        Process p = current;
        if (p == null) {
            synchronized (Internals.class) {
                if (current == null) {
                    current = access().view("MainProcess", new int[0], PID);
                }
                p = current;
            }
        }
        return p;
    }

    public static Process parentProcess() {
        return parent;
    }

    /**
     * Whether this JVM's process counts as a daemon for the processes it starts: then it may start none, as
     * in Python. A pool worker is a daemon to its pool (terminated when the pool's program exits), yet its
     * tasks may start processes, not daemonic unless asked, as tasks of Python's ProcessPoolExecutor may:
     * here a child never outlives its parent, so the orphans Python's rule guards against cannot occur.
     */
    public static boolean daemonicTowardsChildren() {
        return !poolWorker && currentProcess().daemon();
    }

    /** Called by a pool worker before it runs anything of the caller's. */
    public static void becomePoolWorker() {
        poolWorker = true;
    }

    public static int[] identity(Process process) {
        return access().identity(process);
    }

    public static ProcessParts parts(Process process) {
        return access().parts(process);
    }

    public static Process rebuild(ProcessParts parts) {
        return access().rebuild(parts);
    }

    /** True for a frame between {@code Process.run} and the target's code, which a traceback omits. */
    public static boolean isTargetCallFrame(StackTraceElement frame) {
        return ReflectiveTarget.isCallFrame(frame);
    }

    /** Called by the child bootstrap: from now on {@code process} is this JVM's current process. */
    public static int runInChild(Process process, String parentName, long parentPid) {
        ProcessAccess a = access();
        parent = a.view(parentName, new int[0], parentPid);
        synchronized (Internals.class) { // never overwritten by a currentProcess() that started earlier
            current = process;
        }
        return a.runAsCurrent(process, parentPid);
    }

    private static ProcessAccess access() {
        ProcessAccess a = access;
        if (a == null) {
            try {
                Class.forName(Process.class.getName(), true, Process.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = access;
        }
        return a;
    }
}
