package org.jmultiprocessing.spi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One running manager. What it hands out are proxies: they implement the Java collection interfaces, can be
 * sent to processes and pool tasks, and reach the one object the manager holds. A backend that cannot offer a
 * kind of proxy throws {@link UnsupportedOperationException} naming what to use instead.
 */
public interface ManagerImpl {
    /** A new shared dict (Python's {@code manager.dict()}). */
    Map<Object, Object> dict();

    /** A new shared list (Python's {@code manager.list()}). */
    List<Object> list();

    /**
     * The manager's other objects as a backend: its locks, signals, cells and channels make queues, locks,
     * events, barriers, values and arrays that the manager holds (Python's {@code manager.Queue()}, ...).
     */
    default Backend objects() {
        throw new UnsupportedOperationException("this manager offers dict() and list() only: for queues, locks,"
                + " events, values and the rest use Multiprocessing.getContext().manager()");
    }

    /**
     * Registers a type of the user's (Python's {@code BaseManager.register}): {@code factory} makes an object
     * of it where the manager holds its objects, so it must be able to travel there (a {@code Func0} does).
     */
    default void register(String name, Callable<?> factory) {
        throw new UnsupportedOperationException("this manager holds no registered types: use"
                + " Multiprocessing.getContext().manager() for manager.register(name, factory)");
    }

    /**
     * A new object of the type registered as {@code name}, through a proxy implementing {@code type} (an
     * interface the object's class implements): every call of its methods runs where the object is held.
     */
    default <T> T create(String name, Class<T> type) {
        throw new UnsupportedOperationException("this manager holds no registered types: use"
                + " Multiprocessing.getContext().manager() for manager.create(name, type)");
    }

    /** Stops the manager; its proxies fail from then on. Idempotent. */
    void shutdown();

    /** Whether the manager still serves. */
    boolean isRunning();
}
