package org.jmultiprocessing.spi;

import java.util.List;
import java.util.Map;

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

    /** Stops the manager; its proxies fail from then on. Idempotent. */
    void shutdown();

    /** Whether the manager still serves. */
    boolean isRunning();
}
