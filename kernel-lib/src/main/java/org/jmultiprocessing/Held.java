package org.jmultiprocessing;

/**
 * A lock held by the current thread; {@link #close()} releases it. Obtained from {@code acquired()} so that
 * Python's {@code with lock:} reads {@code try (var held = lock.acquired()) { ... }}.
 */
@FunctionalInterface
public interface Held extends AutoCloseable {
    /** Releases the lock. */
    @Override
    void close();
}
