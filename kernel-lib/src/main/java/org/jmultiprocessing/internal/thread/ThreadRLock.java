package org.jmultiprocessing.internal.thread;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/** A recursive lock of this JVM: a {@link ReentrantLock}, which only its owner may release, as Python's RLock. */
final class ThreadRLock implements LockImpl {
    /** Shows its owner, which ReentrantLock keeps protected, for error messages and {@code toString()}. */
    private static final class OwnedLock extends ReentrantLock {
        private static final long serialVersionUID = 1L;

        Thread owner() {
            return getOwner();
        }
    }

    private final OwnedLock lock = new OwnedLock();
    /** The owner's hold count, written only while holding, for other threads' {@code toString()}. */
    private volatile int depth;
    private volatile boolean closed;

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("rlock is closed in this instance (close() was called)");
        }
    }

    @Override
    public boolean acquire(long deadline) {
        checkOpen();
        if (!lock.tryLock() && !waitFor(deadline)) {
            return false;
        }
        depth = lock.getHoldCount();
        return true;
    }

    private boolean waitFor(long deadline) {
        try {
            if (deadline == Deadline.FOREVER) {
                lock.lockInterruptibly();
                return true;
            }
            long remaining = deadline - System.nanoTime();
            return remaining > 0 && lock.tryLock(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting");
        }
    }

    @Override
    public boolean release() {
        checkOpen();
        if (!lock.isHeldByCurrentThread()) {
            return false;
        }
        depth = lock.getHoldCount() - 1;
        lock.unlock();
        return true;
    }

    @Override
    public int value() {
        checkOpen();
        return lock.isLocked() ? 0 : 1;
    }

    @Override
    public boolean isOwnedByCurrentThread() {
        checkOpen();
        return lock.isHeldByCurrentThread();
    }

    @Override
    public String holder() {
        checkOpen();
        return Holders.describe(lock.owner());
    }

    @Override
    public int releaseFully() {
        checkOpen();
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("cannot wait on a condition using an RLock " + Holders.describe(lock.owner()));
        }
        int held = lock.getHoldCount();
        depth = 0;
        for (int i = 0; i < held; i++) {
            lock.unlock();
        }
        return held;
    }

    @Override
    public void reacquire(int held) {
        acquire(Deadline.FOREVER);
        for (int i = 1; i < held; i++) {
            lock.lock();
        }
        depth = held;
    }

    @Override
    public String state() {
        if (closed) {
            return "closed";
        }
        Thread owner = lock.owner();
        return owner == null ? "unlocked" : "owner thread '" + owner.getName() + "', depth " + depth;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Path path() {
        throw new UnsupportedOperationException("an RLock of the thread context has no file: it lives in this JVM's memory");
    }

    @Override
    public Object transit(Rebuild<LockImpl> rebuild) {
        throw LocalOnly.notTransferable("RLock");
    }
}
