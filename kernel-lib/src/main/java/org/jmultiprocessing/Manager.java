package org.jmultiprocessing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jmultiprocessing.spi.ManagerImpl;

/**
 * Python's {@code multiprocessing.Manager()}: a server that holds shared objects and hands out proxies to
 * them. A proxy can be passed to a {@link Process} or a {@link Pool} task; every call on it goes to the server,
 * so all holders see one object. Make one with {@link Context#manager()} or {@link #Manager()} and close it
 * (try-with-resources), or call {@link #shutdown()}.
 */
public final class Manager implements AutoCloseable {
    private final ManagerImpl impl;

    /** A manager on the default context, as Python's {@code multiprocessing.Manager()}. */
    public Manager() {
        this(Context.defaultContext().backend().managers().start());
    }

    Manager(ManagerImpl impl) {
        this.impl = Objects.requireNonNull(impl, "impl");
    }

    /** A new shared dict (Python's {@code manager.dict()}), as a {@link Map}. */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> dict() {
        checkRunning();
        return (Map<K, V>) (Map<?, ?>) impl.dict();
    }

    /** A new shared list (Python's {@code manager.list()}), as a {@link List}. */
    @SuppressWarnings("unchecked")
    public <E> List<E> list() {
        checkRunning();
        return (List<E>) (List<?>) impl.list();
    }

    /** Stops the server; proxies fail from then on. Idempotent. */
    public void shutdown() {
        impl.shutdown();
    }

    /** {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    private void checkRunning() {
        if (!impl.isRunning()) {
            throw new IllegalStateException("the manager has been shut down: make a new one with ctx.manager()");
        }
    }
}
