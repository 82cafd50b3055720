package org.jmultiprocessing.internal.thread;

import org.jmultiprocessing.spi.ConditionImpl;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.SemaphoreImpl;

/** The locks of the thread backend: java.util.concurrent objects of this JVM. */
final class ThreadLocks implements Locks {
    static final ThreadLocks INSTANCE = new ThreadLocks();

    private ThreadLocks() {
    }

    @Override
    public LockImpl lock() {
        return new ThreadLock();
    }

    @Override
    public LockImpl rlock() {
        return new ThreadRLock();
    }

    @Override
    public SemaphoreImpl semaphore(int value) {
        return new ThreadSemaphore(value, false);
    }

    @Override
    public SemaphoreImpl boundedSemaphore(int value) {
        return new ThreadSemaphore(value, true);
    }

    @Override
    public ConditionImpl condition() {
        return new ThreadCondition();
    }
}
