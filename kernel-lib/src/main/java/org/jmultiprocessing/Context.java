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

    // ---------------------------------------------------------------------------------------------------------
    // locks, semaphores and conditions

    // ---------------------------------------------------------------------------------------------------------
    // events and barriers

    // ---------------------------------------------------------------------------------------------------------
    // shared values and arrays

}
