package org.jmultiprocessing;

import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.jmultiprocessing.internal.process.ProcessBackend;
import org.jmultiprocessing.internal.thread.ThreadBackend;
import org.jmultiprocessing.spi.Backend;

/**
 * The factory of everything, as Python's {@code multiprocessing.get_context()}: every object a context makes
 * runs on its backend. {@link Multiprocessing#getContext()} is the default (child JVMs and shared memory),
 * {@code Multiprocessing.getContext("thread")} is Python's {@code multiprocessing.dummy} (the same API over
 * threads of this JVM). {@code new Queue<>()}, {@code new Pool(4)}, {@code new Process(...)} use the default
 * context.
 *
 * <pre>{@code
 * var ctx = Multiprocessing.getContext("thread");
 * var q = ctx.queue();
 * var p = ctx.process((Queue<String> out) -> out.put("hello"), q);
 * p.start(); p.join();
 * q.get();                                                  // "hello"
 * }</pre>
 *
 * <p>Objects of different contexts do not mix: a thread context's queue cannot be passed to a child JVM.
 *
 * <p>Shared values and arrays follow the static factories with the context in front: {@code Value.ofInt(0)}
 * is {@code ctx.value().ofInt(0)}, {@code RawValue.ofLong(0)} is {@code ctx.rawValue().ofLong(0)},
 * {@code Array.ofDoubles(1.0, 2.0)} is {@code ctx.array().ofDoubles(1.0, 2.0)}, {@code RawArray.ofInts(10)} is
 * {@code ctx.rawArray().ofInts(10)}. Locks are {@code ctx.lock()}, {@code ctx.rlock()}, {@code ctx.semaphore(n)},
 * {@code ctx.boundedSemaphore(n)}, {@code ctx.condition()} and {@code ctx.condition(lock)}.
 */
public final class Context {
    /** The names {@link #named} knows without looking for a service. */
    private static final List<String> BUILT_IN = List.of("process", "thread");

    /** The child-JVM context: also what a process that received an object from its parent runs it on. */
    static final Context PROCESS = new Context(ProcessBackend.INSTANCE);
    private static final Context THREAD = new Context(ThreadBackend.INSTANCE);
    /**
     * The context of the no-context constructors ({@code new Queue<>()}), Python's {@code _actual_context}:
     * null until {@link #setDefault} chooses one or the first object made without a context fixes it to
     * {@link #PROCESS}.
     */
    private static volatile Context chosenDefault;

    private final Backend backend;

    private Context(Backend backend) {
        this.backend = backend;
    }

    static Context named(String name) {
        Objects.requireNonNull(name, "name");
        switch (name) {
            case "process":
                return PROCESS;
            case "thread":
                return THREAD;
            default:
                return found(name);
        }
    }

    /** The default context, fixing it to {@code "process"} if no start method was set (as Python's {@code get_context()}). */
    static Context defaultContext() {
        Context chosen = chosenDefault;
        return chosen != null ? chosen : fixDefault();
    }

    private static synchronized Context fixDefault() {
        if (chosenDefault == null) {
            chosenDefault = PROCESS;
        }
        return chosenDefault;
    }

    /** The default context if it is fixed, else null (Python's {@code get_start_method(allow_none=True)}). */
    static Context defaultContextIfFixed() {
        return chosenDefault;
    }

    /**
     * Python's {@code set_start_method(method, force)}: {@code name} becomes the default context; refused once
     * it is fixed unless {@code force}; a null {@code name} with {@code force} unfixes it.
     */
    static synchronized void setDefault(String name, boolean force) {
        if (chosenDefault != null && !force) {
            throw new IllegalStateException("context has already been set (to \"" + chosenDefault.name() + "\"): the"
                    + " start method is fixed once an object is made without a context, or by getContext() or"
                    + " getStartMethod(); call setStartMethod first, or setStartMethod(name, true) to replace it"
                    + " for the objects made afterwards");
        }
        chosenDefault = name == null ? null : named(name);
    }

    /** The names {@link #named} takes: the built-in ones, then the backends found as services. */
    static List<String> names() {
        List<String> names = new java.util.ArrayList<>(BUILT_IN);
        services().forEach(b -> names.add(b.name()));
        return names;
    }

    private static List<Backend> services() {
        return StreamSupport.stream(ServiceLoader.load(Backend.class, Context.class.getClassLoader())
                .spliterator(), false).collect(Collectors.toList());
    }

    private static Context found(String name) {
        List<Backend> backends = services();
        for (Backend candidate : backends) {
            if (candidate.name().equals(name)) {
                return new Context(candidate);
            }
        }
        List<String> known = new java.util.ArrayList<>(BUILT_IN);
        backends.forEach(b -> known.add(b.name()));
        throw new IllegalArgumentException("no context named \"" + name + "\": the contexts here are " + known
                + " (a backend adds its name by listing its class in META-INF/services/" + Backend.class.getName() + ")");
    }

    /**
     * A context over {@code backend}, for a backend's own entry point (a cluster's {@code Cluster.startLocal(3)}
     * returns one): the same API as {@link Multiprocessing#getContext()}, on another mechanism.
     */
    public static Context of(Backend backend) {
        return new Context(Objects.requireNonNull(backend, "backend"));
    }

    Backend backend() {
        return backend;
    }

    /** This context's name, as {@link Multiprocessing#getContext(String)} takes it (Python's {@code get_start_method()}). */
    public String name() {
        return backend.name();
    }

    /** Python's {@code ctx.get_start_method()}: this context's {@link #name()}. */
    public String getStartMethod() {
        return name();
    }

    @Override
    public String toString() {
        return "Context(" + backend.name() + ")";
    }

    // ---------------------------------------------------------------------------------------------------------
    // processes and pools

    /** A process of this context whose target takes no arguments, as {@link Process#Process(Target)}. */
    public Process process(Target target) {
        return new Process(this, Objects.requireNonNull(target, "target"), new Object[0]);
    }

    /** As {@link Process#Process(Target1, Object)}. */
    public <A> Process process(Target1<A> target, A a) {
        return new Process(this, Objects.requireNonNull(target, "target"), new Object[] {a});
    }

    public <A, B> Process process(Target2<A, B> target, A a, B b) {
        return new Process(this, Objects.requireNonNull(target, "target"), new Object[] {a, b});
    }

    public <A, B, C> Process process(Target3<A, B, C> target, A a, B b, C c) {
        return new Process(this, Objects.requireNonNull(target, "target"), new Object[] {a, b, c});
    }

    public <A, B, C, D> Process process(Target4<A, B, C, D> target, A a, B b, C c, D d) {
        return new Process(this, Objects.requireNonNull(target, "target"), new Object[] {a, b, c, d});
    }

    /** A pool of {@link Multiprocessing#cpuCount()} workers of this context, as {@link Pool#Pool()}. */
    public Pool pool() {
        return pool(Multiprocessing.cpuCount());
    }

    /** A pool of {@code processes} workers of this context, as {@link Pool#Pool(int)}. */
    public Pool pool(int processes) {
        return new Pool(this, processes, null, 0);
    }

    /** As {@link Pool#Pool(int, Target)}: each worker runs {@code initializer} once when it starts. */
    public Pool pool(int processes, Target initializer) {
        return new Pool(this, processes, initializer, 0);
    }

    /** As {@link Pool#Pool(int, Target1, Object)}. */
    public <A> Pool pool(int processes, Target1<A> initializer, A arg) {
        return new Pool(this, processes, Pool.initializerOf(initializer, arg), 0);
    }

    /** As {@link Pool#Pool(int, Target2, Object, Object)}. */
    public <A, B> Pool pool(int processes, Target2<A, B> initializer, A a, B b) {
        return new Pool(this, processes, Pool.initializerOf(initializer, a, b), 0);
    }

    /** As {@link Pool#Pool(int, Target, int)}. */
    public Pool pool(int processes, Target initializer, int maxTasksPerChild) {
        return new Pool(this, processes, initializer, maxTasksPerChild);
    }

    // ---------------------------------------------------------------------------------------------------------
    // queues and pipes

    /** An unbounded {@link Queue} of this context (Python's {@code ctx.Queue()}). */
    public <T> Queue<T> queue() {
        return queue(0);
    }

    /** A {@link Queue} holding at most {@code maxsize} items; 0 or less means unbounded, as in Python. */
    public <T> Queue<T> queue(int maxsize) {
        return new Queue<>(this, maxsize);
    }

    /** An unbounded {@link JoinableQueue} of this context (Python's {@code ctx.JoinableQueue()}). */
    public <T> JoinableQueue<T> joinableQueue() {
        return joinableQueue(0);
    }

    /** A {@link JoinableQueue} holding at most {@code maxsize} items; 0 or less means unbounded. */
    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return new JoinableQueue<>(this, maxsize);
    }

    /** A {@link SimpleQueue} of this context (Python's {@code ctx.SimpleQueue()}). */
    public <T> SimpleQueue<T> simpleQueue() {
        return new SimpleQueue<>(this);
    }

    /** A duplex {@link Pipe} of this context (Python's {@code ctx.Pipe()}). */
    public Pipe pipe() {
        return pipe(true);
    }

    /** A {@link Pipe}: duplex, or one-way ({@code conn1} receives, {@code conn2} sends) as Python's {@code ctx.Pipe(duplex)}. */
    public Pipe pipe(boolean duplex) {
        return new Pipe(this, duplex);
    }

    // ---------------------------------------------------------------------------------------------------------
    // locks, semaphores and conditions

    /** A lock of this context (Python's {@code ctx.Lock()}). */
    public Lock lock() {
        return new Lock(backend.locks().lock());
    }

    /** A recursive lock of this context (Python's {@code ctx.RLock()}). */
    public RLock rlock() {
        return new RLock(backend.locks().rlock());
    }

    /** A semaphore of this context with one permit (Python's {@code ctx.Semaphore()}). */
    public Semaphore semaphore() {
        return semaphore(1);
    }

    /** A semaphore of this context with {@code value} permits (Python's {@code ctx.Semaphore(value)}). */
    public Semaphore semaphore(int value) {
        return new Semaphore(backend.locks().semaphore(Semaphore.checkedValue(value)));
    }

    /** A bounded semaphore of this context with one permit (Python's {@code ctx.BoundedSemaphore()}). */
    public BoundedSemaphore boundedSemaphore() {
        return boundedSemaphore(1);
    }

    /** A bounded semaphore of this context with {@code value} permits, its bound. */
    public BoundedSemaphore boundedSemaphore(int value) {
        return new BoundedSemaphore(backend.locks().boundedSemaphore(Semaphore.checkedValue(value)));
    }

    /** A condition of this context with a new recursive lock of this context (Python's {@code ctx.Condition()}). */
    public Condition condition() {
        return new Condition(backend.locks().condition(), rlock());
    }

    /** A condition of this context bound to {@code lock} (Python's {@code ctx.Condition(lock)}). */
    public Condition condition(Lock lock) {
        return new Condition(backend.locks().condition(), Objects.requireNonNull(lock, "lock"));
    }

    /** A condition of this context bound to the recursive {@code lock}. */
    public Condition condition(RLock lock) {
        return new Condition(backend.locks().condition(), Objects.requireNonNull(lock, "lock"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // events and barriers

    /** A new event of this context, clear (Python's {@code ctx.Event()}). */
    public Event event() {
        return new Event(this);
    }

    /** A new barrier of this context for {@code parties} parties (Python's {@code ctx.Barrier(parties)}). */
    public Barrier barrier(int parties) {
        return new Barrier(this, parties, null);
    }

    /** A new barrier whose last party to arrive runs {@code action} (Python's {@code ctx.Barrier(parties, action)}). */
    public Barrier barrier(int parties, Barrier.Action action) {
        return new Barrier(this, parties, action);
    }

    /** A new barrier whose {@code await()} gives up after {@code timeoutSeconds} by default (Python's {@code timeout}). */
    public Barrier barrier(int parties, Barrier.Action action, double timeoutSeconds) {
        return new Barrier(this, parties, action, timeoutSeconds);
    }

    /** A new barrier whose {@code await()} gives up after {@code timeout} by default. */
    public Barrier barrier(int parties, Barrier.Action action, java.time.Duration timeout) {
        return new Barrier(this, parties, action, timeout);
    }

    // ---------------------------------------------------------------------------------------------------------
    // shared values and arrays

    /**
     * Makes values of this context with a lock, as {@link Value#ofInt} does for the default context:
     * {@code ctx.value().ofInt(0)} is Python's {@code ctx.Value('i', 0)}.
     */
    public Value.Factory value() {
        return new Value.Factory(this, true);
    }

    /** Makes values of this context without a lock: {@code ctx.rawValue().ofLong(0)} ({@link RawValue}). */
    public Value.Factory rawValue() {
        return new Value.Factory(this, false);
    }

    /**
     * Makes arrays of this context with a lock, as {@link Array#ofInts} does for the default context:
     * {@code ctx.array().ofDoubles(1.0, 2.0)} is Python's {@code ctx.Array('d', [1.0, 2.0])}.
     */
    public Array.Factory array() {
        return new Array.Factory(this, true);
    }

    /** Makes arrays of this context without a lock: {@code ctx.rawArray().ofInts(10)} ({@link RawArray}). */
    public Array.Factory rawArray() {
        return new Array.Factory(this, false);
    }

    // ---------------------------------------------------------------------------------------------------------
    // managers

    /**
     * Python's {@code ctx.Manager()}: a server holding shared objects, handed out as proxies that can be passed
     * to processes and pool tasks. Close it (try-with-resources) or call {@link Manager#shutdown()}.
     */
    public Manager manager() {
        return new Manager(backend.managers().start());
    }
}
