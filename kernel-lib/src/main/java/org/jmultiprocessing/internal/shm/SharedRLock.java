package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A recursive lock in shared memory: the owner word names the holding thread of the holding process
 * ({@link LockHolder}), the depth counts its acquisitions. Also the lock of every value and array.
 */
final class SharedRLock extends SharedSemLock implements LockImpl {
    private static final String KIND = "rlock";

    SharedRLock() {
        super(KIND, 1, 1);
    }

    private SharedRLock(SharedRegion region, long senderPid) {
        super(KIND, region, senderPid);
    }

    /** The lock of a region created by another object, which initialized it: a value's or an array's. */
    SharedRLock(SharedRegion region) {
        super(KIND, region);
    }

    private static long currentThreadToken() {
        return LockHolder.of(Thread.currentThread());
    }

    // The owner and depth words are written only by the thread holding the lock, and compared by others
    // only against their own token, so plain accesses suffice; the compare-and-set that acquires and the
    // release store of the value order them for the next owner.

    @Override
    public boolean acquire(long deadline) {
        enter();
        try {
            long me = currentThreadToken();
            if (region.getLongPlain(OWNER) == me) {
                region.putIntPlain(DEPTH, region.getIntPlain(DEPTH) + 1);
                return true;
            }
            if (!region.compareAndSetInt(VALUE, 1, 0) && !acquirePermitUntil(deadline)) {
                return false;
            }
            region.putLongPlain(OWNER, me);
            region.putIntPlain(DEPTH, 1);
            return true;
        } finally {
            exit();
        }
    }

    @Override
    public boolean release() {
        enter();
        try {
            if (!ownedByCurrentThread()) {
                return false;
            }
            int depth = region.getIntPlain(DEPTH) - 1;
            region.putIntPlain(DEPTH, depth);
            if (depth == 0) {
                region.putLongPlain(OWNER, 0);
                region.putIntRelease(VALUE, 1);
            }
            return true;
        } finally {
            exit();
        }
    }

    @Override
    public boolean isOwnedByCurrentThread() {
        enter();
        try {
            return ownedByCurrentThread();
        } finally {
            exit();
        }
    }

    private boolean ownedByCurrentThread() {
        return region.getLongPlain(OWNER) == currentThreadToken();
    }

    @Override
    public int releaseFully() {
        enter();
        try {
            if (!ownedByCurrentThread()) {
                throw new IllegalStateException("cannot wait on a condition using an RLock "
                        + LockHolder.describe(region.getLongVolatile(OWNER)));
            }
            int depth = region.getIntPlain(DEPTH);
            region.putIntPlain(DEPTH, 0);
            region.putLongPlain(OWNER, 0);
            region.putIntRelease(VALUE, 1);
            return depth;
        } finally {
            exit();
        }
    }

    @Override
    public void reacquire(int depth) {
        enter();
        try {
            acquire(Deadline.FOREVER);
            region.putIntPlain(DEPTH, depth);
        } finally {
            exit();
        }
    }

    @Override
    String describe() {
        long owner = region.getLongVolatile(OWNER);
        return owner == 0 ? "unlocked"
                : "owner pid " + (owner >>> 32) + " thread " + (owner & 0xFFFF_FFFFL)
                        + ", depth " + region.getIntVolatile(DEPTH);
    }

    @Override
    public Object transit(Rebuild<LockImpl> rebuild) {
        enter();
        try {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new SharedRLock(attached, senderPid)));
        } finally {
            exit();
        }
    }
}
