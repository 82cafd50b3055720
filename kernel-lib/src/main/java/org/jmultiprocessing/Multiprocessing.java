package org.jmultiprocessing;

import java.util.List;

import org.jmultiprocessing.internal.ChildProcess;
import org.jmultiprocessing.internal.Internals;
import org.jmultiprocessing.internal.Launcher;

/**
 * The module-level functions of Python's {@code multiprocessing}: {@code import static
 * org.jmultiprocessing.Multiprocessing.*;} then {@code currentProcess()}, {@code cpuCount()}, ...
 */
public final class Multiprocessing {
    private Multiprocessing() {
    }

    /** The process this code runs in: {@code MainProcess} in the notebook, the {@link Process} in a child. */
    public static Process currentProcess() {
        return Internals.currentProcess();
    }

    /** The process that started this one, or {@code null} in the main process. */
    public static Process parentProcess() {
        return Internals.parentProcess();
    }

    /** The children started by this JVM that are still running (finished ones are reaped, as in Python). */
    public static List<Process> activeChildren() {
        RichDisplay.install();
        return new RichDisplay.ActiveChildren(ChildProcess.activeChildren());
    }

    /**
     * Starts recording a {@link Timeline} of child processes, pool tasks and marks, until it is closed:
     * {@code try (var timeline = Multiprocessing.timeline()) { ...; timeline.show(); }}.
     */
    public static Timeline timeline() {
        return new Timeline();
    }

    /** Python's {@code cpu_count()}: the processors this JVM may use. */
    public static int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** This JVM's process id: Python's {@code os.getpid()}. */
    public static long pid() {
        return Internals.pid();
    }

    /**
     * Extra options for child JVMs started from now on, e.g. {@code "-Xmx2g"}; Python's
     * {@code set_executable} in spirit. Replaces the previous extra options.
     */
    public static void setJvmOptions(String... options) {
        Launcher.setExtraJvmOptions(List.of(options));
    }

    /**
     * Keeps one child JVM booted and waiting (the default), so that {@link Process#start()} takes about as
     * long as Python's forkserver instead of a JVM start-up; each process still gets a fresh, never-used
     * JVM. Costs one idle JVM. Turn it off to measure cold starts or to save memory.
     */
    public static void setReadyStandby(boolean enabled) {
        Launcher.setStandbyEnabled(enabled);
    }
}
