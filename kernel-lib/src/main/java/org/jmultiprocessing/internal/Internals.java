package org.jmultiprocessing.internal;

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
    }

    private static final long PID = ProcessHandle.current().pid();
    private static volatile ProcessAccess access;
    private static volatile Process current;
    private static volatile Process parent;

    private Internals() {
    }

    public static void registerProcessAccess(ProcessAccess processAccess) {
        access = processAccess;
    }

    public static long pid() {
        return PID;
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

    public static int[] identity(Process process) {
        return access().identity(process);
    }

    /** Called by the child bootstrap: from now on {@code process} is this JVM's current process. */
    static int runInChild(Process process, String parentName, long parentPid) {
        ProcessAccess a = access();
        parent = a.view(parentName, new int[0], parentPid);
        current = process;
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
