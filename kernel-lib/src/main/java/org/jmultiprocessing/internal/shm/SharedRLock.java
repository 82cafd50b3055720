package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.DEPTH_OFFSET;
import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.OWNER_OFFSET;
import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.VALUE_OFFSET;

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

    private SharedRLock(SharedRegion region, int base, long senderPid) {
        super(KIND, region, base, senderPid);
    }

    /** The lock at {@code base} of a region created by another object, which initialized it. */
    SharedRLock(SharedRegion region, int base) {
        super(KIND, region, base);
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

    @Override
    public boolean release() {
        enter();
        try {
            if (!ownedByCurrentThread()) {
                return false;
            }
            int depth = region.getIntPlain(base + DEPTH_OFFSET) - 1;
            region.putIntPlain(base + DEPTH_OFFSET, depth);
            if (depth == 0) {
                region.putLongPlain(base + OWNER_OFFSET, 0);
                region.putIntRelease(base + VALUE_OFFSET, 1);
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
        return region.getLongPlain(base + OWNER_OFFSET) == currentThreadToken();
    }

    @Override
    public String holder() {
        enter();
        try {
            return LockHolder.describe(region.getLongVolatile(base + OWNER_OFFSET));
        } finally {
            exit();
        }
    }

    @Override
    public int releaseFully() {
        enter();
        try {
            if (!ownedByCurrentThread()) {
                throw new IllegalStateException("cannot wait on a condition using an RLock "
                        + LockHolder.describe(region.getLongVolatile(base + OWNER_OFFSET)));
            }
            int depth = region.getIntPlain(base + DEPTH_OFFSET);
            region.putIntPlain(base + DEPTH_OFFSET, 0);
            region.putLongPlain(base + OWNER_OFFSET, 0);
            region.putIntRelease(base + VALUE_OFFSET, 1);
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
            region.putIntPlain(base + DEPTH_OFFSET, depth);
        } finally {
            exit();
        }
    }

    @Override
    String describe() {
        long owner = region.getLongVolatile(base + OWNER_OFFSET);
        return owner == 0 ? "unlocked"
                : "owner pid " + (owner >>> 32) + " thread " + (owner & 0xFFFF_FFFFL)
                        + ", depth " + region.getIntVolatile(base + DEPTH_OFFSET);
    }

    @Override
    public Object transit(Rebuild<LockImpl> rebuild) {
        int base = this.base;
        enter();
        try {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new SharedRLock(attached, base, senderPid)));
        } finally {
            exit();
        }
    }
}
