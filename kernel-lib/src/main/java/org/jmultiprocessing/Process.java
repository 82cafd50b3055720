package org.jmultiprocessing;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jmultiprocessing.internal.launch.ChildProcess;
import org.jmultiprocessing.internal.launch.ExitCodes;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.ship.ProcessParts;
import org.jmultiprocessing.internal.display.Tables;

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
 */
public class Process implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Counts the processes created by this JVM, for Python-style default names ({@code Process-3}). */
    private static final AtomicInteger CREATED = new AtomicInteger();

    static {
        Internals.registerProcessAccess(new Internals.ProcessAccess() {
            @Override
            public int runAsCurrent(Process process, long parentPid) {
                return process.bootstrap();
            }

            @Override
            public Process view(String name, int[] identity, long pid) {
                return new Process(name, identity, pid);
            }

            @Override
            public int[] identity(Process process) {
                return process.identity.clone();
            }

            @Override
            public ProcessParts parts(Process process) {
                return new ProcessParts(process.name, Boolean.TRUE.equals(process.daemon), process.identity.clone(),
                        process.target, process.args.clone());
            }

            @Override
            public Process rebuild(ProcessParts parts) {
                return new Process(parts);
            }
        });
    }

    private final Serializable target;
    private final Object[] args;
    private final int[] identity;
    private String name;
    /** {@code null} until set: a process inherits the daemon flag of the process that creates it. */
    private Boolean daemon;

    /** Which JVM this object describes when it is not a child started here (main, current or parent view). */
    private transient Long viewedPid;
    private transient volatile ChildProcess child;
    private transient volatile boolean closed;

    /** A process whose target takes no arguments: {@code new Process(() -> work())}. */
    public Process(Target target) {
        this(Objects.requireNonNull(target, "target"), new Object[0]);
    }

    /** A process whose target takes one argument: {@code new Process((Integer n) -> printSquare(n), 10)}. */
    public <A> Process(Target1<A> target, A a) {
        this(Objects.requireNonNull(target, "target"), new Object[] {a});
    }

    public <A, B> Process(Target2<A, B> target, A a, B b) {
        this(Objects.requireNonNull(target, "target"), new Object[] {a, b});
    }

    public <A, B, C> Process(Target3<A, B, C> target, A a, B b, C c) {
        this(Objects.requireNonNull(target, "target"), new Object[] {a, b, c});
    }

    public <A, B, C, D> Process(Target4<A, B, C, D> target, A a, B b, C c, D d) {
        this(Objects.requireNonNull(target, "target"), new Object[] {a, b, c, d});
    }

    /** For subclasses that override {@link #run()}. */
    protected Process() {
        this((Serializable) null, new Object[0]);
    }

    private Process(Serializable target, Object[] args) {
        this.target = target;
        this.args = args;
        this.identity = childIdentity(Internals.identity(Internals.currentProcess()), CREATED.incrementAndGet());
        this.name = defaultName(getClass(), identity);
        RichDisplay.install();
    }

    /** The process as sent to its child in the compact form of {@link ProcessParts}. */
    private Process(ProcessParts parts) {
        this.target = parts.target();
        this.args = parts.args();
        this.identity = parts.identity();
        this.name = parts.name();
        this.daemon = parts.daemon();
    }

    /** A view of a process this JVM did not start: the main process, or this child's parent. */
    private Process(String name, int[] identity, long pid) {
        this.target = null;
        this.args = new Object[0];
        this.identity = identity;
        this.name = name;
        this.daemon = false;
        this.viewedPid = pid;
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
        if (child != null) {
            throw new IllegalStateException("cannot start a process twice: " + this
                    + " was already started; create a new Process to run the target again");
        }
        if (Internals.daemonicTowardsChildren()) {
            throw new IllegalStateException("daemonic processes are not allowed to have children (as in Python):"
                    + " " + Internals.currentProcess().name() + " is a daemon");
        }
        if (daemon == null) {
            daemon = false; // inherited, as in Python, from a parent that the check above found not daemonic
        }
        child = ChildProcess.start(this, transferredParts(), daemon);
    }

    /** Waits until the child ends and everything it printed has been relayed. */
    public void join() throws InterruptedException {
        startedChild("join").await(null);
    }

    /**
     * Waits at most {@code timeout} for the child to end, as Python's {@code join(timeout)}.
     *
     * @return true if the child has ended
     */
    public boolean join(Duration timeout) throws InterruptedException {
        return startedChild("join").await(Objects.requireNonNull(timeout, "timeout"));
    }

    /** True from {@link #start()} until the child ends. */
    public boolean isAlive() {
        checkNotClosed();
        if (viewedPid != null) {
            return viewedPid == Internals.pid() || ProcessHandle.of(viewedPid).map(ProcessHandle::isAlive).orElse(false);
        }
        ChildProcess c = child;
        return c != null && c.isAlive();
    }

    /** The child's operating-system process id, or {@code null} before {@link #start()}. */
    public Long pid() {
        checkNotClosed();
        if (viewedPid != null) {
            return viewedPid;
        }
        ChildProcess c = child;
        return c == null ? null : c.pid();
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
        ChildProcess c = child;
        return c == null ? null : c.exitCode();
    }

    /** Sends SIGTERM: the child stops at once (no finally blocks, as in Python); exit code {@code -15}. */
    public void terminate() {
        startedChild("terminate").terminate();
    }

    /** Sends SIGKILL; exit code {@code -9}. */
    public void kill() {
        startedChild("kill").kill();
    }

    /**
     * Releases what this object holds. Like Python, refuses while the child still runs: {@link #join()} or
     * {@link #terminate()} it first. Most methods fail once the object is closed.
     */
    public synchronized void close() {
        ChildProcess c = child;
        if (c != null && c.isAlive()) {
            throw new IllegalStateException("cannot close a process while it is still running: " + this
                    + "; call join() or terminate() first");
        }
        if (c != null) {
            c.release();
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
        if (child != null) {
            throw new IllegalStateException("process has already started: set daemon before start()");
        }
        checkStartable();
        this.daemon = daemon;
        return this;
    }

    /** This process as a row of its rich table: the facts of {@link #toString()}. */
    Tables.ProcessRow displayRow() {
        ChildProcess c = child;
        if (viewedPid != null) {
            return new Tables.ProcessRow(name, viewedPid, isAlive() ? "started" : "stopped", null, daemon());
        }
        if (closed) {
            return new Tables.ProcessRow(name, null, "closed", null, daemon());
        }
        if (c == null) {
            return new Tables.ProcessRow(name, null, "initial", null, daemon());
        }
        Integer exit = c.exitCode();
        return new Tables.ProcessRow(name, c.pid(), exit == null ? "started" : "stopped",
                exit == null ? null : ExitCodes.describe(exit), daemon());
    }

    /** Python's repr, e.g. {@code <Process name='Process-1' pid=4242 parent=4241 stopped exitcode=-SIGTERM>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(typeName(getClass())).append(" name='").append(name).append('\'');
        ChildProcess c = child;
        Integer exit = null;
        String status;
        if (viewedPid != null) {
            status = isAlive() ? "started" : "stopped";
            sb.append(" pid=").append(viewedPid);
        } else if (closed) {
            status = "closed";
        } else if (c == null) {
            status = "initial";
            sb.append(" parent=").append(Internals.pid());
        } else {
            exit = c.exitCode();
            status = exit == null ? "started" : "stopped";
            sb.append(" pid=").append(c.pid()).append(" parent=").append(Internals.pid());
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

    /** Runs in the child JVM: Python's {@code BaseProcess._bootstrap}. */
    private int bootstrap() {
        viewedPid = Internals.pid();
        try {
            run();
            return 0;
        } catch (Throwable t) {
            System.err.println("Process " + name + ":");
            t.setStackTrace(userFrames(t.getStackTrace()));
            t.printStackTrace();
            return 1;
        }
    }

    /** The frames above this library's bootstrap: like Python's traceback, the user's code only. */
    private static StackTraceElement[] userFrames(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            String method = frames[i].getMethodName();
            if (Process.class.getName().equals(frames[i].getClassName()) && (method.equals("run") || method.equals("bootstrap"))) {
                int end = i;
                while (end > 0 && Internals.isTargetCallFrame(frames[end - 1])) {
                    end--;
                }
                return Arrays.copyOf(frames, end);
            }
        }
        return frames;
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

    private ChildProcess startedChild(String action) {
        checkNotClosed();
        if (viewedPid != null) {
            throw new IllegalStateException("can only " + action + " a child process started by this JVM, not " + this);
        }
        ChildProcess c = child;
        if (c == null) {
            throw new IllegalStateException("can only " + action + " a started process: call start() first on " + this);
        }
        return c;
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

    private static int[] childIdentity(int[] parent, int count) {
        int[] id = Arrays.copyOf(parent, parent.length + 1);
        id[parent.length] = count;
        return id;
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
}
