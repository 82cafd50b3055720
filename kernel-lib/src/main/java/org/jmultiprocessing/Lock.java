package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.OWNER_OFFSET;
import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.VALUE_OFFSET;

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
        enter();
        try {
            if (!acquirePermitUntil(deadline)) {
                return false;
            }
            region.putLongVolatile(base + OWNER_OFFSET, RLock.currentThreadToken());
            return true;
        } finally {
            exit();
        }
    }

    /** Releases; releasing a lock that is not held is an {@link IllegalStateException}. */
    @Override
    public void release() {
        enter();
        try {
            if (region.getIntVolatile(base + VALUE_OFFSET) > 0) {
                throw new IllegalStateException("lock released too many times: release() was called without a matching acquire()");
            }
            region.putLongVolatile(base + OWNER_OFFSET, 0);
            releasePermit(true);
        } finally {
            exit();
        }
    }

    /** True when the calling thread acquired the lock and has not released it (for {@link Condition}). */
    boolean isOwnedByCurrentThread() {
        enter();
        try {
            return region.getLongVolatile(base + OWNER_OFFSET) == RLock.currentThreadToken();
        } finally {
            exit();
        }
    }

    @Override
    String describe() {
        return "Lock(" + (region.getIntVolatile(base + VALUE_OFFSET) > 0 ? "unlocked" : "locked") + ")";
    }
}
