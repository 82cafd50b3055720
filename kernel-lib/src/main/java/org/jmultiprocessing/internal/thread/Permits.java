package org.jmultiprocessing.internal.thread;

import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

import org.jmultiprocessing.spi.Deadline;

/**
 * A counting semaphore with a maximum, which {@link java.util.concurrent.Semaphore} lacks: a release that would
 * go above it fails, changing nothing, as Python's {@code BoundedSemaphore} and {@code Lock} want.
 */
final class Permits extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;

    private final int max;

    Permits(int initial, int max) {
        this.max = max;
        setState(initial);
    }

    int available() {
        return getState();
    }

    /**
     * Takes a permit, waiting until {@code deadline}; false if it came first. An interrupt while waiting is a
     * {@link CancellationException}, with the interrupt flag kept, as for the process backend.
     */
    boolean acquire(long deadline) {
        if (tryAcquireShared(1) >= 0) {
            return true;
        }
        try {
            if (deadline == Deadline.FOREVER) {
                acquireSharedInterruptibly(1);
                return true;
            }
            long remaining = deadline - System.nanoTime();
            return remaining > 0 && tryAcquireSharedNanos(1, remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting");
        }
    }

    /** Gives a permit back; false, giving none, at the maximum. */
    boolean release() {
        return releaseShared(1);
    }

    @Override
    protected int tryAcquireShared(int unused) {
        while (true) {
            int available = getState();
            if (available == 0) {
                return -1;
            }
            if (compareAndSetState(available, available - 1)) {
                return available - 1;
            }
        }
    }

    @Override
    protected boolean tryReleaseShared(int unused) {
        while (true) {
            int available = getState();
            if (available >= max) {
                return false;
            }
            if (compareAndSetState(available, available + 1)) {
                return true;
            }
        }
    }
}
