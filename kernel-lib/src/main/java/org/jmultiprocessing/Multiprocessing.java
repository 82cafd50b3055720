package org.jmultiprocessing;

import java.util.List;

import org.jmultiprocessing.internal.codec.Deserialization;
import org.jmultiprocessing.internal.launch.ChildLauncher;
import org.jmultiprocessing.internal.runtime.Internals;

/**
 * The module-level functions of Python's {@code multiprocessing}: {@code import static
 * org.jmultiprocessing.Multiprocessing.*;} then {@code currentProcess()}, {@code cpuCount()}, ...
 */
public final class Multiprocessing {
    private Multiprocessing() {
    }

    /**
     * The default context (Python's {@code multiprocessing.get_context()}): child JVMs and shared memory, what
     * {@code new Queue<>()}, {@code new Pool(n)} and {@code new Process(...)} use.
     */
    public static Context getContext() {
        return Context.DEFAULT;
    }

    /**
     * The context named {@code name} (Python's {@code multiprocessing.get_context(method)}): {@code "process"}
     * (the default) or {@code "thread"} (Python's {@code multiprocessing.dummy}: the same API over threads of
     * this JVM), or a backend found as a service (see {@link org.jmultiprocessing.spi.Backend}).
     *
     * @throws IllegalArgumentException if no context has that name; the message lists the names there are
     */
    public static Context getContext(String name) {
        return Context.named(name);
    }

    /**
     * The process this code runs in: {@code MainProcess} in the notebook, the {@link Process} in a child, and
     * in a process of the thread context that process (as Python's {@code multiprocessing.dummy}).
     */
    public static Process currentProcess() {
        return Process.current();
    }

    /** The process that started this JVM, or {@code null} in the main process (and in its thread processes). */
    public static Process parentProcess() {
        return Process.parent();
    }

    /**
     * The children started here that are still running, child JVMs and thread processes (finished ones are
     * reaped, as in Python).
     */
    public static List<Process> activeChildren() {
        RichDisplay.install();
        return new RichDisplay.ActiveChildren(Process.activeChildren());
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
        ChildLauncher.INSTANCE.setJvmOptions(List.of(options));
    }

    /**
     * Tightens what this process, and the processes and pool workers it starts from now on, accept when they
     * receive an object: Queue and Pipe messages, pool functions, arguments and results, a process's target
     * and arguments. {@code pattern} is a {@link java.io.ObjectInputFilter.Config#createFilter} pattern, e.g.
     * {@code "!com.example.Secret"} (refuse one class), {@code "maxbytes=1000000"} (refuse larger objects)
     * or the allow-list {@code "com.example.**;org.jmultiprocessing.**;java.base/*;!*"} (an allow-list must
     * name everything the processes exchange, also kernel-lib's own objects and the JDK's; classes defined
     * in notebook cells are named {@code REPL.$JShell$...}). Replaces the previous pattern; {@code null} or
     * {@code ""} removes it.
     *
     * <p>The pattern adds to kernel-lib's own limits (an object graph at most 500 levels deep, arrays no
     * longer than their message can hold) and to the JVM-wide filter ({@code jdk.serialFilter},
     * {@code jdk.serialFilterFactory}), never overriding them. A refused object fails the receiving call
     * ({@code Queue.get} and {@code Connection.recv} with an {@link java.io.UncheckedIOException}, the pool
     * call with a {@link TaskFailedException}, the child's start with exit code 1) with a message naming it
     * and the filter that refused it.
     *
     * @throws IllegalArgumentException if {@code pattern} is not a filter pattern
     */
    public static void setSerialFilter(String pattern) {
        Deserialization.setUserFilter(pattern);
    }

    /**
     * Keeps one child JVM booted and waiting (the default), so that {@link Process#start()} takes about as
     * long as Python's forkserver instead of a JVM start-up; each process still gets a fresh, never-used
     * JVM. Costs one idle JVM. Turn it off to measure cold starts or to save memory.
     */
    public static void setReadyStandby(boolean enabled) {
        ChildLauncher.INSTANCE.setReadyStandby(enabled);
    }
}
