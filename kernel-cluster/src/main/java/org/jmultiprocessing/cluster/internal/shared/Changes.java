package org.jmultiprocessing.cluster.internal.shared;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.jmultiprocessing.spi.Deadline;

/**
 * Waiting for a change in the cluster: a listener (of a map's entries, a queue's items) calls
 * {@link #changed()}, which wakes every waiter to try again. Events may arrive late, or be lost when a member
 * leaves, so a waiter also tries again after a bounded pause. Waiting happens here, never inside a Hazelcast
 * call, so an interrupt cannot leave an operation pending in the cluster (a poll that would take an item
 * nobody receives).
 */
public final class Changes {
    /** The longest a waiter sleeps without trying again, whatever the listeners say. */
    private static final long RECHECK_NANOS = 50_000_000L;

    private final Object monitor = new Object();
    private long count;

    /** Wakes every waiter. */
    public void changed() {
        synchronized (monitor) {
            count++;
            monitor.notifyAll();
        }
    }

    private static boolean attempt(BooleanSupplier attempt) {
        try {
            return attempt.getAsBoolean();
        } catch (RuntimeException e) {
            CancellationException interrupted = Calls.interruption(e);
            if (interrupted != null) {
                throw interrupted;
            }
            throw e;
        }
    }

    /**
     * Calls {@code attempt} until it returns true or {@code deadline} passes (one attempt even when it has
     * passed); returns whether it succeeded. An interrupt ends the wait with a {@link CancellationException},
     * the interrupt flag kept.
     */
    public boolean awaitSuccess(BooleanSupplier attempt, long deadline) {
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = count;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted while waiting");
            }
            if (attempt(attempt)) {
                return true;
            }
            if (Deadline.hasPassed(deadline)) {
                return false;
            }
            long pause = deadline == Deadline.FOREVER ? RECHECK_NANOS
                    : Math.min(RECHECK_NANOS, Math.max(1, deadline - System.nanoTime()));
            try {
                synchronized (monitor) {
                    if (count == seen) {
                        monitor.wait(pause / 1_000_000L, (int) (pause % 1_000_000L));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting");
            }
        }
    }
}
