package org.jmultiprocessing.spi;

import java.nio.file.Path;

/**
 * The mechanism behind one {@code Lock}, {@code RLock}, {@code Semaphore} or {@code BoundedSemaphore} (CPython's
 * {@code SemLock}): a counter of permits. The public classes check arguments, convert timeouts to
 * {@link Deadline}s and word the errors; an implementation only counts, waits and reports.
 *
 * <p>Every method but {@link #close()} and {@link #state()} throws an {@link IllegalStateException} once this
 * instance is closed ("lock is closed in this instance (close() was called)").
 *
 * @param <S> the interface of this kind, which the receiving process's copy has (see {@link #transit})
 */
public interface SemLockImpl<S extends SemLockImpl<S>> {
    /** Takes a permit, waiting until {@code deadline} at most; false if the deadline came first. */
    boolean acquire(long deadline);

    /**
     * Gives a permit back; false, changing nothing, if that would release more than was acquired (a lock that
     * is free, a bounded semaphore at its bound) or, for a recursive lock, if the calling thread does not hold it.
     */
    boolean release();

    /** The permits available (Python's {@code get_value()}); for a lock, 1 when free. */
    int value();

    /**
     * What {@code toString()} shows between the parentheses after the class name: {@code "unlocked"},
     * {@code "value=2"}, ..., or {@code "closed"} once closed.
     */
    String state();

    /** Ends this instance's use of the counter; a held lock stays held for other instances. Idempotent. */
    void close();

    /** The file behind the counter, for diagnostics; an {@link UnsupportedOperationException} if there is none. */
    Path path();

    /**
     * The serialized form of the public object holding this implementation: {@code rebuild} makes the public
     * object around the receiving process's copy. An implementation that cannot leave its JVM throws a
     * {@code NotTransferableException} saying so.
     */
    Object transit(Rebuild<S> rebuild);
}
