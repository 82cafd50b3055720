package org.jmultiprocessing.internal.thread;

import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;

import org.jmultiprocessing.spi.ConditionImpl;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/**
 * The waiters of a condition of this JVM, counted as the process backend counts them: sleepers, and signals
 * not yet taken. A waiter counts itself a sleeper before releasing the lock, so a signal given right after
 * cannot be missed; the lock may be of any backend.
 */
final class ThreadCondition implements ConditionImpl {
    private final ReentrantLock guard = new ReentrantLock();
    private final java.util.concurrent.locks.Condition signalled = guard.newCondition();
    private int sleepers;
    private int signals;

    @Override
    public boolean await(LockImpl lock, long deadline) {
        guard.lock();
        try {
            sleepers++;
        } finally {
            guard.unlock();
        }
        int depth;
        try {
            depth = lock.releaseFully();
        } catch (RuntimeException notHeld) {
            leave();
            throw notHeld;
        }
        try {
            return awaitSignal(deadline);
        } finally {
            lock.reacquire(depth);
        }
    }

    private boolean awaitSignal(long deadline) {
        guard.lock();
        try {
            while (signals == 0) {
                if (deadline == Deadline.FOREVER) {
                    signalled.await();
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        sleepers--;
                        return false;
                    }
                    signalled.awaitNanos(remaining);
                }
            }
            signals--;
            sleepers--;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leaveHoldingGuard();
            throw new CancellationException("interrupted while waiting");
        } finally {
            guard.unlock();
        }
    }

    private void leave() {
        guard.lock();
        try {
            leaveHoldingGuard();
        } finally {
            guard.unlock();
        }
    }

    /** Leaves without waiting for a signal; takes one along only when every sleeper has one. */
    private void leaveHoldingGuard() {
        if (signals == sleepers) {
            signals--;
        }
        sleepers--;
    }

    @Override
    public void signal(int n) {
        guard.lock();
        try {
            int wake = Math.min(n, sleepers - signals);
            if (wake > 0) {
                signals += wake;
                signalled.signalAll();
            }
        } finally {
            guard.unlock();
        }
    }

    @Override
    public int waiting() {
        guard.lock();
        try {
            return sleepers - signals;
        } finally {
            guard.unlock();
        }
    }

    @Override
    public Object transit(Rebuild<ConditionImpl> rebuild) {
        throw LocalOnly.notTransferable("Condition");
    }
}
