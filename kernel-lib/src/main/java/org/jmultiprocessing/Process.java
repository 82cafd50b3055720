package org.jmultiprocessing;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jmultiprocessing.internal.display.Tables;
import org.jmultiprocessing.internal.runtime.ExitCodes;
import org.jmultiprocessing.internal.launch.TaskRunner;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.ProcessSpec;
import org.jmultiprocessing.spi.ProcessTask;
import org.jmultiprocessing.spi.Processes;
import org.jmultiprocessing.spi.StartedProcess;

/**
 * Python's {@code multiprocessing.Process}: a target run in a separate, real child JVM.
 *
 * <pre>{@code
 * var p = new Process((Integer n) -> printSquare(n), 10);   // printSquare defined in an earlier cell
 * p.start();
 * p.join();
 * p.exitCode();                                               // 0
 * }</pre>
 *
 * <p>Like Python's spawn start method, the child starts fresh: the target, its arguments and the process
 * object itself are serialized into it, and classes defined in notebook cells are shipped as bytecode.
 * Static fields of cell classes therefore start at their initial values in the child; pass data as
 * arguments. Everything the child prints is relayed, line by line, to this JVM's {@code System.out} and
 * {@code System.err}, so in a notebook it lands in the running cell.
 *
 * <p>Subclass and override {@link #run()} for Python's {@code class MyProcess(Process)} style. Fields of a
 * subclass travel to the child too, so they must be serializable (or transient).
 *
 * <p>A process of the thread context ({@code Multiprocessing.getContext("thread").process(...)}) is Python's
 * {@code multiprocessing.dummy.Process}: a thread of this JVM, sharing its objects; its pid is this JVM's, its
 * exit code 0, or 1 when the target threw, and it cannot be terminated or killed.
 */
public class Process implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The processes started here and not yet reaped, for {@link Multiprocessing#activeChildren()}. */
    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();
    /** The process a thread of the thread context runs as; unset in every other thread. */
    private static final ThreadLocal<Process> THREAD_PROCESS = new ThreadLocal<>();
    /** This JVM's process, as built from {@link Internals#task()}; rebuilt if the task is set later. */
    private static volatile JvmProcess jvmProcess;
    private static volatile Process parentView;
    /** How often {@code join} on the parent process looks whether it has ended. */
    private static final long PARENT_POLL_MILLIS = 5;

    private final Serializable target;
    private final Object[] args;
    private final int[] identity;
    private String name;
    /** {@code null} until set: a process inherits the daemon flag of the process that creates it. */
    private Boolean daemon;

    /** Which JVM this object describes when it is not a process started here (main, current or parent view). */
    private transient Long viewedPid;
    /** Starts it: the processes of its context's backend; {@code null} in a received copy (default context). */
    private final transient Processes launcher;
    private transient volatile StartedProcess started;
    private transient volatile Sentinel sentinel;
    private transient volatile boolean closed;

    /** A process whose target takes no arguments: {@code new Process(() -> work())}. */
    public Process(Target target) {
        this(Context.defaultContext(), Objects.requireNonNull(target, "target"), new Object[0]);
    }

    /** A process whose target takes one argument: {@code new Process((Integer n) -> printSquare(n), 10)}. */
    public <A> Process(Target1<A> target, A a) {
        this(Context.defaultContext(), Objects.requireNonNull(target, "target"), new Object[] {a});
    }

    public <A, B> Process(Target2<A, B> target, A a, B b) {
        this(Context.defaultContext(), Objects.requireNonNull(target, "target"), new Object[] {a, b});
    }

    public <A, B, C> Process(Target3<A, B, C> target, A a, B b, C c) {
        this(Context.defaultContext(), Objects.requireNonNull(target, "target"), new Object[] {a, b, c});
    }

    public <A, B, C, D> Process(Target4<A, B, C, D> target, A a, B b, C c, D d) {
        this(Context.defaultContext(), Objects.requireNonNull(target, "target"), new Object[] {a, b, c, d});
    }

    /** For subclasses that override {@link #run()}. */
    protected Process() {
        this(Context.defaultContext(), null, new Object[0]);
    }

    /** A process of {@code context} ({@link Context#process}); {@code target} is a Target..Target4. */
    Process(Context context, Serializable target, Object[] args) {
        this.target = target;
        this.args = args;
        this.identity = Internals.nextChildIdentity(Multiprocessing.currentProcess().identity);
        this.name = defaultName(getClass(), identity);
        this.launcher = context.backend().processes();
        RichDisplay.install();
    }

    /** This JVM's process as its task describes it, when it is not a subclass object. */
    private Process(ProcessTask task, long pid) {
        this.target = task.target();
        this.args = task.args().clone();
        this.identity = task.identity().clone();
        this.name = task.name();
        this.daemon = task.daemon();
        this.viewedPid = pid;
        this.launcher = null;
    }

    /** A process started here by the library itself, such as a pool's worker. */
    private Process(StartedProcess started) {
        this.target = null;
        this.args = new Object[0];
        this.identity = new int[0];
        this.name = started.name();
        this.daemon = started.daemon();
        this.started = started;
        this.launcher = null;
    }

    /** A view of a process this JVM did not start: the main process, or this child's parent. */
    private Process(String name, int[] identity, long pid) {
        this.target = null;
        this.args = new Object[0];
        this.identity = identity;
        this.name = name;
        this.daemon = false;
        this.viewedPid = pid;
        this.launcher = null;
    }

    /**
     * What the child runs. The default calls the target with the arguments given to the constructor;
     * subclasses override it, as in Python.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void run() throws Exception {
        if (target instanceof Target t) {
            t.run();
        } else if (target instanceof Target1 t) {
            t.run(args[0]);
        } else if (target instanceof Target2 t) {
            t.run(args[0], args[1]);
        } else if (target instanceof Target3 t) {
            t.run(args[0], args[1], args[2]);
        } else if (target instanceof Target4 t) {
            t.run(args[0], args[1], args[2], args[3]);
        }
    }

    /**
     * Starts the child JVM. The target and arguments are serialized first, so a value that cannot travel
     * fails here with a {@link NotTransferableException} naming it, and no child is left behind.
     */
    public synchronized void start() {
        checkNotClosed();
        checkStartable();
        if (started != null) {
            throw new IllegalStateException("cannot start a process twice: " + this
                    + " was already started; create a new Process to run the target again");
        }
        if (Internals.daemonicTowardsChildren()) {
            throw new IllegalStateException("daemonic processes are not allowed to have children (as in Python):"
                    + " " + Internals.processName() + " is a daemon");
        }
        if (daemon == null) {
            daemon = false; // inherited, as in Python, from a parent that the check above found not daemonic
        }
        ProcessTask task = new ProcessTask(name, daemon, identity.clone(),
                getClass() == Process.class ? target : new OwnRun(this), args.clone());
        Processes processes = launcher != null ? launcher : Context.PROCESS.backend().processes();
        started = processes.start(new ProcessSpec(task, transferredParts(), () -> runHere(task)));
        STARTED.add(this);
    }

    /** Runs the task in the calling thread as this process: what a process of the thread context does. */
    private int runHere(ProcessTask task) {
        THREAD_PROCESS.set(this);
        try {
            return TaskRunner.run(task);
        } finally {
            THREAD_PROCESS.remove();
        }
    }

    /** Waits until the child ends and everything it printed has been relayed. */
    public void join() throws InterruptedException {
        if (this == parentView) {
            awaitParentEnd(Deadline.FOREVER);
            return;
        }
        startedChild("join").join(Deadline.FOREVER);
    }

    /**
     * Waits at most {@code timeout} for the child to end, as Python's {@code join(timeout)} (a negative one
     * does not wait).
     *
     * @return true if the child has ended
     */
    public boolean join(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = Deadline.deadlineAfter(timeout.isNegative() ? Duration.ZERO : timeout);
        if (this == parentView) {
            return awaitParentEnd(deadline);
        }
        return startedChild("join").join(deadline);
    }

    /**
     * {@code join} on {@link Multiprocessing#parentProcess()}, as Python's parent process object allows: waits
     * until the parent has ended. The library ends a child shortly after its parent, so only code that is
     * quick sees this return.
     */
    private boolean awaitParentEnd(long deadline) throws InterruptedException {
        while (isParentAlive()) {
            if (Deadline.hasPassed(deadline)) {
                return false;
            }
            Thread.sleep(PARENT_POLL_MILLIS);
        }
        return true;
    }

    /**
     * Whether the parent of this JVM still runs: this JVM is not yet re-parented. Unlike a look-up of the
     * parent's pid, this is false as soon as the parent died, even while it is not yet reaped (a zombie
     * looks alive) and after its pid was reused.
     */
    private boolean isParentAlive() {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        return parent == viewedPid;
    }

    /** True from {@link #start()} until the child ends. */
    public boolean isAlive() {
        checkNotClosed();
        if (this == parentView) {
            return isParentAlive();
        }
        if (viewedPid != null) {
            return viewedPid == Internals.pid() || ProcessHandle.of(viewedPid).map(ProcessHandle::isAlive).orElse(false);
        }
        StartedProcess s = started;
        return s != null && s.isAlive();
    }

    /** The child's operating-system process id, or {@code null} before {@link #start()}. */
    public Long pid() {
        checkNotClosed();
        if (viewedPid != null) {
            return viewedPid;
        }
        StartedProcess s = started;
        return s == null ? null : s.pid();
    }

    /**
     * Python's {@code sentinel}: an object that becomes ready when the child ends, for
     * {@link Connection#wait(java.util.Collection, double)}, so that a parent can wait for whichever of
     * several children ends first (or for a child and a message at once). The same object each time.
     *
     * @throws IllegalStateException before {@link #start()}, as Python's {@code ValueError}
     */
    public Sentinel sentinel() {
        StartedProcess s = startedChild("get the sentinel of");
        Sentinel known = sentinel;
        if (known == null) {
            synchronized (this) {
                if (sentinel == null) {
                    sentinel = new Sentinel(s, name);
                }
                known = sentinel;
            }
        }
        return known;
    }

    /** What {@link #sentinel()} returns: ready once its process has ended. */
    public static final class Sentinel {
        private final StartedProcess process;
        private final String name;

        private Sentinel(StartedProcess process, String name) {
            this.process = process;
            this.name = name;
        }

        /** Whether the process has ended, without waiting. */
        boolean ended() {
            return !process.isAlive();
        }

        @Override
        public String toString() {
            return "<sentinel of " + name + " pid=" + process.pid() + (ended() ? " ended" : "") + ">";
        }
    }

    /** Alias of {@link #pid()}, as Python's {@code ident}. */
    public Long ident() {
        return pid();
    }

    /**
     * The child's exit code: {@code null} while it runs or before it starts; 0 on success; {@code n} after
     * {@code System.exit(n)}; 1 after an uncaught exception; {@code -N} when signal N ended it
     * ({@code -15} after {@link #terminate()}, {@code -9} after {@link #kill()}).
     */
    public Integer exitCode() {
        checkNotClosed();
        StartedProcess s = started;
        return s == null ? null : s.exitCode();
    }

    /**
     * Sends SIGTERM: the child stops at once (no finally blocks, as in Python); exit code {@code -15}.
     *
     * @throws UnsupportedOperationException for a process of the thread context, which is a thread
     */
    public void terminate() {
        startedChild("terminate").terminate();
    }

    /**
     * Sends SIGKILL; exit code {@code -9}.
     *
     * @throws UnsupportedOperationException for a process of the thread context, which is a thread
     */
    public void kill() {
        startedChild("kill").kill();
    }

    /**
     * Releases what this object holds. Like Python, refuses while the child still runs: {@link #join()} or
     * {@link #terminate()} it first. Most methods fail once the object is closed.
     */
    public synchronized void close() {
        StartedProcess s = started;
        if (s != null && s.isAlive()) {
            throw new IllegalStateException("cannot close a process while it is still running: " + this
                    + "; call join() or terminate() first");
        }
        if (s != null) {
            STARTED.remove(this);
            s.release();
        }
        closed = true;
    }

    public String name() {
        return name;
    }

    /** Sets the name; returns this process for chaining. */
    public Process name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    public boolean daemon() {
        return daemon != null ? daemon : Internals.daemonicTowardsChildren();
    }

    /**
     * Marks the process as a daemon (must be done before {@link #start()}): a daemon child is terminated
     * when the program that started it exits, and may not start children of its own.
     */
    public synchronized Process daemon(boolean daemon) {
        if (started != null) {
            throw new IllegalStateException("process has already started: set daemon before start()");
        }
        checkStartable();
        this.daemon = daemon;
        return this;
    }

    /** This process as a row of its rich table: the facts of {@link #toString()}. */
    Tables.ProcessRow displayRow() {
        StartedProcess s = started;
        if (viewedPid != null) {
            return new Tables.ProcessRow(name, viewedPid, isAlive() ? "started" : "stopped", null, daemon());
        }
        if (closed) {
            return new Tables.ProcessRow(name, null, "closed", null, daemon());
        }
        if (s == null) {
            return new Tables.ProcessRow(name, null, "initial", null, daemon());
        }
        Integer exit = s.exitCode();
        return new Tables.ProcessRow(name, s.pid(), exit == null ? "started" : "stopped",
                exit == null ? null : ExitCodes.describe(exit), daemon());
    }

    /** Python's repr, e.g. {@code <Process name='Process-1' pid=4242 parent=4241 stopped exitcode=-SIGTERM>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(typeName(getClass())).append(" name='").append(name).append('\'');
        StartedProcess s = started;
        Integer exit = null;
        String status;
        if (viewedPid != null) {
            status = isAlive() ? "started" : "stopped";
            sb.append(" pid=").append(viewedPid);
        } else if (closed) {
            status = "closed";
        } else if (s == null) {
            status = "initial";
            sb.append(" parent=").append(Internals.pid());
        } else {
            exit = s.exitCode();
            status = exit == null ? "started" : "stopped";
            sb.append(" pid=").append(s.pid()).append(" parent=").append(Internals.pid());
        }
        sb.append(' ').append(status);
        if (exit != null) {
            sb.append(" exitcode=").append(ExitCodes.describe(exit));
        }
        if (daemon()) {
            sb.append(" daemon");
        }
        return sb.append('>').toString();
    }

    /** {@link Multiprocessing#currentProcess()}: a thread process's own object, else this JVM's process. */
    static Process current() {
        Process inThread = THREAD_PROCESS.get();
        if (inThread != null) {
            return inThread;
        }
        ProcessTask task = Internals.task();
        JvmProcess known = jvmProcess;
        if (known == null || known.task != task) {
            synchronized (Process.class) {
                known = jvmProcess;
                if (known == null || known.task != task) {
                    known = new JvmProcess(task, processOf(task));
                    jvmProcess = known;
                }
            }
        }
        return known.process;
    }

    /** The process object {@code task} stands for in the JVM that runs it; the main process when null. */
    private static Process processOf(ProcessTask task) {
        long pid = Internals.pid();
        if (task == null) {
            return new Process("MainProcess", new int[0], pid);
        }
        if (task.target() instanceof OwnRun own) {
            own.process.viewedPid = pid;
            return own.process;
        }
        return new Process(task, pid);
    }

    /** {@link Multiprocessing#parentProcess()}: the process that started this JVM, or {@code null}. */
    static Process parent() {
        String parentName = Internals.parentName();
        if (parentName == null) {
            return null;
        }
        Process view = parentView;
        if (view == null) {
            view = new Process(parentName, new int[0], Internals.parentPid());
            parentView = view;
        }
        return view;
    }

    /**
     * The processes started here that still run, and those the library started itself (a pool's workers);
     * finished ones are released, as Python's active_children() reaps them.
     */
    static List<Process> activeChildren() {
        List<Process> alive = new ArrayList<>();
        Set<StartedProcess> known = new HashSet<>();
        for (Process p : STARTED) {
            StartedProcess s = p.started;
            known.add(s);
            if (s.isAlive()) {
                alive.add(p);
            } else if (STARTED.remove(p)) {
                s.release();
            }
        }
        for (StartedProcess s : Context.PROCESS.backend().processes().running()) {
            if (!known.contains(s)) {
                alive.add(new Process(s));
            }
        }
        return alive;
    }

    /** The parts that travel to the child, named as an error message should name them. */
    private Map<String, Object> transferredParts() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("the target", target);
        for (int i = 0; i < args.length; i++) {
            parts.put("argument " + (i + 1), args[i]);
        }
        if (getClass() != Process.class) {
            parts.put("the " + typeName(getClass()) + " object", this);
        }
        return parts;
    }

    private StartedProcess startedChild(String action) {
        checkNotClosed();
        if (viewedPid != null) {
            throw new IllegalStateException("can only " + action + " a child process started by this JVM, not " + this);
        }
        StartedProcess s = started;
        if (s == null) {
            throw new IllegalStateException("can only " + action + " a started process: call start() first on " + this);
        }
        return s;
    }

    private void checkStartable() {
        if (viewedPid != null) {
            throw new IllegalStateException(this + " is not a child started by this JVM");
        }
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("process object is closed: " + name);
        }
    }

    private static String defaultName(Class<?> type, int[] identity) {
        return typeName(type) + "-" + IntStream.of(identity).mapToObj(Integer::toString).collect(Collectors.joining(":"));
    }

    private static String typeName(Class<?> type) {
        Class<?> named = type;
        while (named.getSimpleName().isEmpty()) {
            named = named.getSuperclass();
        }
        return named.getSimpleName();
    }

    /** This JVM's process and the task it was built from. */
    private record JvmProcess(ProcessTask task, Process process) {
    }

    /** The target of a subclass's process: the process object itself, whose {@link #run()} is the code. */
    private static final class OwnRun implements Target, ProcessTask.ObjectRun {
        private static final long serialVersionUID = 1L;
        private final Process process;

        OwnRun(Process process) {
            this.process = process;
        }

        @Override
        public void run() throws Exception {
            if (THREAD_PROCESS.get() != process) {
                process.viewedPid = Internals.pid(); // a received copy: from now on it describes the JVM it runs in
            }
            process.run();
        }

        @Override
        public Object process() {
            return process;
        }
    }
}
