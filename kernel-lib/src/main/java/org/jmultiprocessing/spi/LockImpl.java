package org.jmultiprocessing.spi;

/**
 * The mechanism behind a {@code Lock} (any thread may release it) or an {@code RLock} (recursive, released
 * only by the thread holding it): a {@link SemLockImpl} of one permit that knows which thread holds it.
 */
public interface LockImpl extends SemLockImpl<LockImpl> {
    /** True when the calling thread acquired the lock and has not released it. */
    boolean isOwnedByCurrentThread();

    /**
     * Who holds the lock, for an error message that goes on from "a lock ...": "held by thread 'worker'; the
     * current thread is 'main'", or "not held by any thread".
     */
    String holder();

    /**
     * For a condition's wait: releases every level the calling thread holds and returns how many there were
     * (1 for a {@code Lock}); an {@link IllegalStateException} if the calling thread does not hold it.
     */
    int releaseFully();

    /** For a condition's wait: acquires again, blocking, with the depth {@link #releaseFully()} returned. */
    void reacquire(int depth);
}
