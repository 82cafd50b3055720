package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.*;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.internal.shm.LockHolder;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A recursive lock shared between threads and processes (Python's {@code multiprocessing.RLock}): the
 * thread that holds it may acquire it again, and must release it as many times; only that thread may release
 * it. This is also the lock of a {@link Value} or {@link Array} ({@code getLock()}).
 */
public final class RLock extends SemLock {
    private static final long serialVersionUID = 1L;

    public RLock() {
        super(1, 1);
    }

    RLock(SharedRegion region, int base, long senderPid) {
        super(region, base, senderPid);
    }

    /** The lock at {@code base} of a region created by another object, which initialized it. */
    RLock(SharedRegion region, int base) {
        super(region, base);
    }

    @Override
    String kindName() {
        return "rlock";
    }

    static long currentThreadToken() {
        return LockHolder.of(Thread.currentThread());
    }

    // The owner and depth words are written only by the thread holding the lock, and compared by others
    // only against their own token, so plain accesses suffice; the compare-and-set that acquires and the
    // release store of the value order them for the next owner.

    @Override
    boolean acquireUntil(long deadline) {
        enter();
        try {
            long me = currentThreadToken();
            if (region.getLongPlain(base + OWNER_OFFSET) == me) {
                region.putIntPlain(base + DEPTH_OFFSET, region.getIntPlain(base + DEPTH_OFFSET) + 1);
                return true;
            }
            if (!region.compareAndSetInt(base + VALUE_OFFSET, 1, 0) && !acquirePermitUntil(deadline)) {
                return false;
            }
            region.putLongPlain(base + OWNER_OFFSET, me);
            region.putIntPlain(base + DEPTH_OFFSET, 1);
            return true;
        } finally {
            exit();
        }
    }

    /** Releases once; a thread that does not hold the lock may not release it ({@link IllegalStateException}). */
    @Override
    public void release() {
        enter();
        try {
            checkOwned("release");
            int depth = region.getIntPlain(base + DEPTH_OFFSET) - 1;
            region.putIntPlain(base + DEPTH_OFFSET, depth);
            if (depth == 0) {
                region.putLongPlain(base + OWNER_OFFSET, 0);
                region.putIntRelease(base + VALUE_OFFSET, 1);
            }
        } finally {
            exit();
        }
    }

    /** True when the calling thread holds the lock. */
    public boolean isOwnedByCurrentThread() {
        enter();
        try {
            return ownedByCurrentThread();
        } finally {
            exit();
        }
    }

    private boolean ownedByCurrentThread() {
        return region.getLongPlain(base + OWNER_OFFSET) == currentThreadToken();
    }

    private void checkOwned(String what) {
        if (!ownedByCurrentThread()) {
            throw new IllegalStateException("cannot " + what + " an RLock "
                    + LockHolder.describe(region.getLongVolatile(base + OWNER_OFFSET))
                    + " (only the thread holding an RLock may release it)");
        }
    }

    /** For {@link Condition}: releases every level the owner holds and returns how many there were. */
    int releaseFully() {
        enter();
        try {
            checkOwned("wait on a condition using");
            int depth = region.getIntPlain(base + DEPTH_OFFSET);
            region.putIntPlain(base + DEPTH_OFFSET, 0);
            region.putLongPlain(base + OWNER_OFFSET, 0);
            region.putIntRelease(base + VALUE_OFFSET, 1);
            return depth;
        } finally {
            exit();
        }
    }

    /** For {@link Condition}: acquires again with the depth {@link #releaseFully()} returned. */
    void reacquire(int depth) {
        enter();
        try {
            acquireUntil(org.jmultiprocessing.spi.Deadline.FOREVER);
            region.putIntPlain(base + DEPTH_OFFSET, depth);
        } finally {
            exit();
        }
    }

    @Override
    String describe() {
        long owner = region.getLongVolatile(base + OWNER_OFFSET);
        return owner == 0 ? "RLock(unlocked)"
                : "RLock(owner pid " + (owner >>> 32) + " thread " + (owner & 0xFFFF_FFFFL)
                        + ", depth " + region.getIntVolatile(base + DEPTH_OFFSET) + ")";
    }
}
