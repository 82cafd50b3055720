package org.jmultiprocessing;

import java.util.List;

import org.jmultiprocessing.internal.codec.Deserialization;
import org.jmultiprocessing.internal.launch.ChildLauncher;
import org.jmultiprocessing.internal.logging.LibraryLog;
import org.jmultiprocessing.internal.runtime.Internals;

/**
 * The module-level functions of Python's {@code multiprocessing}: {@code import static
 * org.jmultiprocessing.Multiprocessing.*;} then {@code currentProcess()}, {@code cpuCount()}, ...
 */
public final class Multiprocessing {
    private Multiprocessing() {
    }

    /**
     * The default context (Python's {@code multiprocessing.get_context()}): what {@code new Queue<>()},
     * {@code new Pool(n)} and {@code new Process(...)} use; child JVMs and shared memory ({@code "process"})
     * unless {@link #setStartMethod} chose another. Calling it fixes the default, as in Python.
     */
    public static Context getContext() {
        return Context.defaultContext();
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
     * Python's {@code get_start_method()}: the name of the default context, {@code "process"} unless
     * {@link #setStartMethod} chose another. Fixes the default, as in Python, so a later
     * {@code setStartMethod(name)} is refused.
     */
    public static String getStartMethod() {
        return Context.defaultContext().name();
    }

    /**
     * Python's {@code get_start_method(allow_none)}: with {@code allowNone}, {@code null} while no start method
     * is set and no object was made without a context (and nothing is fixed); otherwise as {@link #getStartMethod()}.
     */
    public static String getStartMethod(boolean allowNone) {
        if (!allowNone) {
            return getStartMethod();
        }
        Context fixed = Context.defaultContextIfFixed();
        return fixed == null ? null : fixed.name();
    }

    /**
     * Python's {@code get_all_start_methods()}: the names {@link #getContext(String)} takes, {@code "process"}
     * (the default) first, then {@code "thread"} and the backends found as services.
     */
    public static List<String> getAllStartMethods() {
        return List.copyOf(Context.names());
    }

    /**
     * Python's {@code set_start_method(method)}: the context named {@code name} (one of
     * {@link #getAllStartMethods()}) becomes the default, used by the constructors that take no context
     * ({@code new Queue<>()}, {@code new Process(...)}, {@code Value.ofInt(0)}, ...) in this JVM. Call it once,
     * before making anything: as Python raises {@code RuntimeError('context has already been set')}, it throws
     * {@link IllegalStateException} once the default is fixed, by an object made without a context or by
     * {@link #getContext()} or {@link #getStartMethod()}. Child JVMs start with {@code "process"} as their
     * default: each is a JVM of its own. {@code SharedMemory} and {@code ShareableList} are the operating
     * system's, the same in every context.
     *
     * @throws IllegalArgumentException if no context has that name; the message lists the names there are
     * @throws IllegalStateException    if the default is already fixed
     */
    public static void setStartMethod(String name) {
        Context.setDefault(java.util.Objects.requireNonNull(name, "name"), false);
    }

    /**
     * Python's {@code set_start_method(method, force=True)} when {@code force}: replaces a fixed default for the
     * objects made from now on (those made before keep their context); {@code null} unsets it, so the next
     * object made without a context fixes it to {@code "process"} again. Without {@code force}, as
     * {@link #setStartMethod(String)}.
     */
    public static void setStartMethod(String name, boolean force) {
        if (name == null && !force) {
            throw new IllegalArgumentException("name is null: only setStartMethod(null, true) unsets the start method");
        }
        Context.setDefault(name, force);
    }

    /**
     * Python's {@code get_logger()}: the library's logger, {@code org.jmultiprocessing}, on which it records
     * its lifecycle events as Python's {@code multiprocessing.util} does: a child calling its target and its
     * exit code (INFO, in the child), pools starting, closing, terminating and joining (DEBUG). Quiet until
     * {@link #logToStderr}: then records at or above its level print to stderr; before that, only warnings
     * and errors are passed on, to the platform's {@code System.getLogger("org.jmultiprocessing")}. User code
     * may log on it too: {@code getLogger().log(Level.INFO, "got item")}.
     */
    public static System.Logger getLogger() {
        return LibraryLog.INSTANCE;
    }

    /**
     * Python's {@code log_to_stderr(level)}: from now on, records of {@link #getLogger()} at or above
     * {@code level} print to stderr as {@code [INFO/Process-1] child process calling self.run()} (the level
     * and the name of the process), in this JVM and in the child JVMs and pool workers started afterwards,
     * whose stderr lands in the cell. {@code Level.OFF} turns it off again. Returns the logger.
     */
    public static System.Logger logToStderr(System.Logger.Level level) {
        LibraryLog.toStderr(level);
        return LibraryLog.INSTANCE;
    }

    /** Python's {@code log_to_stderr()} without a level: as {@code logToStderr(Level.INFO)}. */
    public static System.Logger logToStderr() {
        return logToStderr(System.Logger.Level.INFO);
    }

    /**
     * The process this code runs in: {@code MainProcess} in the notebook, the {@link Process} in a child, and
     * in a process of the thread context that process (as Python's {@code multiprocessing.dummy}).
     */
    public static Process currentProcess() {
        return Process.current();
    }

    /**
     * The process that started this JVM, or {@code null} in the main process (and in its thread processes).
     * As Python's {@code parent_process()}, its {@code isAlive()} is false once the parent died, and its
     * {@code join()} waits for that; the library ends a child shortly after its parent.
     */
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
