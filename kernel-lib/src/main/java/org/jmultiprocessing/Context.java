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
 */
public final class Context {
    /** The names {@link #named} knows without looking for a service. */
    private static final List<String> BUILT_IN = List.of("process", "thread");

    static final Context DEFAULT = new Context(ProcessBackend.INSTANCE);
    private static final Context THREAD = new Context(ThreadBackend.INSTANCE);

    private final Backend backend;

    private Context(Backend backend) {
        this.backend = backend;
    }

    static Context named(String name) {
        Objects.requireNonNull(name, "name");
        switch (name) {
            case "process":
                return DEFAULT;
            case "thread":
                return THREAD;
            default:
                return found(name);
        }
    }

    private static Context found(String name) {
        List<Backend> backends = StreamSupport.stream(ServiceLoader.load(Backend.class, Context.class.getClassLoader())
                .spliterator(), false).collect(Collectors.toList());
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

    /** The backend this context's objects run on. */
    Backend backend() {
        return backend;
    }

    /** This context's name, as {@link Multiprocessing#getContext(String)} takes it (Python's {@code get_start_method()}). */
    public String name() {
        return backend.name();
    }

    @Override
    public String toString() {
        return "Context(" + backend.name() + ")";
    }

    // ---------------------------------------------------------------------------------------------------------
    // processes and pools

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

    // ---------------------------------------------------------------------------------------------------------
    // events and barriers

    // ---------------------------------------------------------------------------------------------------------
    // shared values and arrays

}
