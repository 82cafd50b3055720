package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A non-recursive lock in shared memory: a counter of one permit that any thread of any process may release.
 * It records the thread that acquired it, for a condition's check that the waiting thread holds it.
 */
final class SharedLock extends SharedSemLock implements LockImpl {
    private static final String KIND = "lock";

    SharedLock() {
        super(KIND, 1, 1);
    }

    private SharedLock(SharedRegion region, long senderPid) {
        super(KIND, region, senderPid);
    }

    @Override
    public boolean acquire(long deadline) {
        enter();
        try {
            if (!acquirePermitUntil(deadline)) {
                return false;
            }
            region.putLongVolatile(OWNER, LockHolder.of(Thread.currentThread()));
            return true;
        } finally {
            exit();
        }
    }

    @Override
    public boolean release() {
        enter();
        try {
            if (region.getIntVolatile(VALUE) > 0) {
                return false;
            }
            region.putLongVolatile(OWNER, 0);
            return releasePermit(true);
        } finally {
            exit();
        }
    }

    @Override
    public boolean isOwnedByCurrentThread() {
        enter();
        try {
            return region.getLongVolatile(OWNER) == LockHolder.of(Thread.currentThread());
        } finally {
            exit();
        }
    }

    @Override
    public int releaseFully() {
        if (!release()) {
            throw new IllegalStateException("lock released too many times: release() was called without a matching acquire()");
        }
        return 1;
    }

    @Override
    public void reacquire(int depth) {
        acquire(Deadline.FOREVER);
    }

    @Override
    String describe() {
        return region.getIntVolatile(VALUE) > 0 ? "unlocked" : "locked";
    }

    @Override
    public Object transit(Rebuild<LockImpl> rebuild) {
        enter();
        try {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new SharedLock(attached, senderPid)));
        } finally {
            exit();
        }
    }
}
