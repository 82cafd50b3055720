package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.spi.Deadline.FOREVER;

import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.jmultiprocessing.spi.Deadline;

/**
 * How a waiter for a word in shared memory passes time: spin briefly (the other process usually answers
 * within microseconds), then yield, then sleep in growing steps up to a millisecond, so a long
 * wait costs almost no CPU. There is no cross-process futex in Java, so sleeping is the blocking primitive.
 *
 * <p>Also carries the deadline of a timed wait (see {@link Deadline}).
 */
public final class Backoff {
    private static final int SPINS = 200;
    private static final int YIELDS = 50;
    private static final long MIN_PARK_NANOS = 1_000;
    private static final long MAX_PARK_NANOS = 1_000_000;
    private static final long SLOW_CHECK_INTERVAL_NANOS = 2_000_000;

    private final long deadline;
    private final boolean interruptible;
    private int rounds;
    private long parkNanos = MIN_PARK_NANOS;
    private long lastSlowCheck;

    public Backoff(long deadline) {
        this(deadline, true);
    }

    /**
     * @param interruptible false for waits in the middle of a message, which must not be abandoned: an
     *                      interrupt then neither ends the wait nor is cleared (the thread yields instead of
     *                      sleeping, since a sleep would return at once)
     */
    public Backoff(long deadline, boolean interruptible) {
        this.deadline = deadline;
        this.interruptible = interruptible;
    }

    public long deadline() {
        return deadline;
    }

    /** True once the deadline has passed. */
    public boolean expired() {
        return Deadline.hasPassed(deadline);
    }

    /** True when this wait has reached the sleeping phase, where slower checks (liveness of peers) are cheap. */
    public boolean sleeping() {
        return rounds >= SPINS + YIELDS;
    }

    /**
     * True when a slow check (is the peer still there?) is due: in the sleeping phase, at most every 2 ms.
     * Ask right before making the check, after any cheaper conditions: a true answer counts as the check made.
     */
    public boolean slowCheckDue() {
        if (!sleeping() || System.nanoTime() - lastSlowCheck <= SLOW_CHECK_INTERVAL_NANOS) {
            return false;
        }
        lastSlowCheck = System.nanoTime();
        return true;
    }

    /** Starts spinning again, after progress; a slow check is still due only 2 ms after the last one. */
    public void restart() {
        rounds = 0;
        parkNanos = MIN_PARK_NANOS;
    }

    /** Idles until {@code condition} holds, returning true, or the deadline passes, returning false. */
    public boolean await(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            if (expired()) {
                return false;
            }
            idle();
        }
        return true;
    }

    /**
     * Passes one round of waiting. Throws {@link CancellationException} (with the interrupt flag kept) when
     * an interruptible wait's thread is interrupted while sleeping, so a notebook's interrupt button stops a
     * stuck wait.
     */
    public void idle() {
        if (rounds < SPINS) {
            Thread.onSpinWait();
        } else if (rounds < SPINS + YIELDS) {
            Thread.yield();
        } else if (!interruptible && Thread.currentThread().isInterrupted()) {
            Thread.yield();
        } else {
            long nanos = parkNanos;
            if (deadline != FOREVER) {
                nanos = Math.min(nanos, Math.max(0, deadline - System.nanoTime()));
            }
            LockSupport.parkNanos(nanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted while waiting");
            }
        }
        rounds++;
    }
}
