package org.jmultiprocessing;

import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A non-recursive lock shared between threads and processes (Python's {@code multiprocessing.Lock}). Any
 * thread of any process may release it, as in Python; releasing it while it is free is an error. A thread
 * that acquires it twice without releasing waits for itself: use {@link RLock} for that.
 */
public final class Lock extends SemLock {
    private static final long serialVersionUID = 1L;

    public Lock() {
        super(1, 1);
    }

    Lock(SharedRegion region, int base, long senderPid) {
        super(region, base, senderPid);
    }

    @Override
    String kindName() {
        return "lock";
    }

    @Override
    boolean acquireUntil(long deadline) {
        return acquirePermitUntil(deadline);
    }

    /** Releases; releasing a lock that is not held is an {@link IllegalStateException}. */
    @Override
    public void release() {
        releasePermit(true);
    }

    @Override
    public String toString() {
        return "Lock(" + (getValue() > 0 ? "unlocked" : "locked") + ")";
    }
}
