package org.jmultiprocessing.internal.thread;

import java.nio.file.Path;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A non-recursive lock of this JVM: one permit, which any thread may give back (a
 * {@link java.util.concurrent.locks.ReentrantLock} allows only its owner), plus the thread that took it, for a
 * condition's check that the waiting thread holds it.
 */
final class ThreadLock implements LockImpl {
    private final Permits permits = new Permits(1, 1);
    private volatile Thread owner;
    private volatile boolean closed;

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("lock is closed in this instance (close() was called)");
        }
    }

    @Override
    public boolean acquire(long deadline) {
        checkOpen();
        if (!permits.acquire(deadline)) {
            return false;
        }
        owner = Thread.currentThread();
        return true;
    }

    @Override
    public boolean release() {
        checkOpen();
        if (permits.available() > 0) {
            return false;
        }
        owner = null;
        return permits.release();
    }

    @Override
    public int value() {
        checkOpen();
        return permits.available();
    }

    @Override
    public boolean isOwnedByCurrentThread() {
        checkOpen();
        return owner == Thread.currentThread();
    }

    @Override
    public String holder() {
        checkOpen();
        return Holders.describe(owner);
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
    public String state() {
        return closed ? "closed" : permits.available() > 0 ? "unlocked" : "locked";
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Path path() {
        throw new UnsupportedOperationException("a Lock of the thread context has no file: it lives in this JVM's memory");
    }

    @Override
    public Object transit(Rebuild<LockImpl> rebuild) {
        throw LocalOnly.notTransferable("Lock");
    }
}
