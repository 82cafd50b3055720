package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.spi.ConditionImpl;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.SemaphoreImpl;

/** The locks of the process backend: counters in memory-mapped files, shared by every process they reach. */
public final class SharedMemoryLocks implements Locks {
    public static final SharedMemoryLocks INSTANCE = new SharedMemoryLocks();

    private SharedMemoryLocks() {
    }

    @Override
    public LockImpl lock() {
        return new SharedLock();
    }

    @Override
    public LockImpl rlock() {
        return new SharedRLock();
    }

    @Override
    public SemaphoreImpl semaphore(int value) {
        return new SharedSemaphore(value, false);
    }

    @Override
    public SemaphoreImpl boundedSemaphore(int value) {
        return new SharedSemaphore(value, true);
    }

    @Override
    public ConditionImpl condition() {
        return new SharedCondition();
    }
}
