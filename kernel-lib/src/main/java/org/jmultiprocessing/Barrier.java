package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.SyncDescriptor.*;

import java.io.Serializable;
import java.time.Duration;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.internal.shm.Backoff;
import org.jmultiprocessing.internal.shm.RegionDescriptor;
import org.jmultiprocessing.internal.shm.SharedHandle;
import org.jmultiprocessing.internal.shm.SharedRegion;
import org.jmultiprocessing.internal.shm.SpinMutex;

/**
 * A barrier for a fixed number of parties, threads or processes (Python's {@code multiprocessing.Barrier}):
 * each calls {@link #await()} (Python's {@code wait()}, renamed because {@code wait} is final on every Java
 * object) and all are released together once the last arrives; then the barrier can be used again.
 *
 * <p>The optional action runs in the last party to arrive, before the others are released. A timeout, an
 * {@link #abort()}, a failing action or a {@link #reset()} while parties wait breaks the barrier: every
 * waiter, and every later {@code await} until {@code reset()}, gets {@link Broken} (Python's
 * {@code BrokenBarrierError}).
 */
public final class Barrier implements Serializable {
    private static final long serialVersionUID = 1L;

    /** An action run by the last party to arrive; serializable so the barrier can go to child processes. */
    @FunctionalInterface
    public interface Action extends Runnable, Serializable {
    }

    private final transient SharedRegion region;
    private final transient int base;
    private final transient int parties;
    private final transient Action action;
    private final transient long defaultTimeoutNanos;

    public Barrier(int parties) {
        this(parties, null);
    }

    public Barrier(int parties, Action action) {
        this(parties, action, -1);
    }

    /** A barrier whose {@code await()} gives up after {@code timeoutSeconds} by default. */
    public Barrier(int parties, Action action, double timeoutSeconds) {
        this(parties, action, timeoutSeconds < 0 ? -1 : Deadline.toNanos(timeoutSeconds));
    }

    public Barrier(int parties, Action action, Duration timeout) {
        this(parties, action, Deadline.toNanos(timeout));
    }

    private Barrier(int parties, Action action, long defaultTimeoutNanos) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least 1 party, got " + parties);
        }
        this.region = SharedRegion.create("barrier", BARRIER_LENGTH);
        this.base = RegionDescriptor.HEADER_LENGTH;
        this.parties = parties;
        this.action = action;
        this.defaultTimeoutNanos = defaultTimeoutNanos;
        region.putIntVolatile(base + BARRIER_PARTIES_OFFSET, parties);
        region.putIntVolatile(base + BARRIER_RESET_GENERATION_OFFSET, -1);
        region.holdUntilCollected(this, 0);
    }

    private Barrier(SharedRegion region, long senderPid, Action action, long defaultTimeoutNanos) {
        this.region = region;
        this.base = RegionDescriptor.HEADER_LENGTH;
        this.parties = region.getIntVolatile(base + BARRIER_PARTIES_OFFSET);
        this.action = action;
        this.defaultTimeoutNanos = defaultTimeoutNanos;
        region.acceptTransitUntilCollected(this, 0, senderPid);
    }

    /** Waits for all parties, with the barrier's default timeout; returns this party's arrival index. */
    public int await() {
        return awaitUntil(Deadline.deadlineAfter(defaultTimeoutNanos));
    }

    /** Waits at most {@code timeoutSeconds} for all parties; returns the arrival index (0 for the first). */
    public int await(double timeoutSeconds) {
        return awaitUntil(Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    public int await(Duration timeout) {
        return awaitUntil(Deadline.deadlineAfter(timeout));
    }

    private int awaitUntil(long deadline) {
        lock();
        int generation;
        int index;
        try {
            if (isBroken()) {
                throw new Broken("barrier is broken (aborted, timed out or its action failed); reset() it first");
            }
            generation = region.getIntVolatile(base + BARRIER_GENERATION_OFFSET);
            index = region.getIntVolatile(base + BARRIER_ARRIVED_OFFSET);
            region.putIntVolatile(base + BARRIER_ARRIVED_OFFSET, index + 1);
            if (index + 1 == parties) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        region.putIntVolatile(base + BARRIER_BROKEN_OFFSET, 1);
                        throw new Broken("the barrier action failed: " + e, e);
                    }
                }
                region.putIntVolatile(base + BARRIER_ARRIVED_OFFSET, 0);
                region.putIntVolatile(base + BARRIER_GENERATION_OFFSET, generation + 1);
                return index;
            }
        } finally {
            unlock();
        }
        Backoff backoff = new Backoff(deadline);
        while (true) {
            if (region.getIntVolatile(base + BARRIER_GENERATION_OFFSET) != generation) {
                if (region.getIntVolatile(base + BARRIER_RESET_GENERATION_OFFSET) == generation) {
                    throw new Broken("barrier was reset while waiting");
                }
                return index;
            }
            if (isBroken()) {
                throw new Broken("barrier was broken while waiting (aborted, timed out or its action failed)");
            }
            if (backoff.expired()) {
                lock();
                try {
                    if (region.getIntVolatile(base + BARRIER_GENERATION_OFFSET) == generation) {
                        region.putIntVolatile(base + BARRIER_BROKEN_OFFSET, 1);
                        throw new Broken("barrier timed out waiting for " + parties + " parties; it is now broken");
                    }
                } finally {
                    unlock();
                }
                continue;
            }
            backoff.idle();
        }
    }

    /** Returns the barrier to its initial state; parties waiting now get {@link Broken}. */
    public void reset() {
        lock();
        try {
            int generation = region.getIntVolatile(base + BARRIER_GENERATION_OFFSET);
            if (region.getIntVolatile(base + BARRIER_ARRIVED_OFFSET) > 0 || isBroken()) {
                region.putIntVolatile(base + BARRIER_RESET_GENERATION_OFFSET, generation);
                region.putIntVolatile(base + BARRIER_ARRIVED_OFFSET, 0);
                region.putIntVolatile(base + BARRIER_BROKEN_OFFSET, 0);
                region.putIntVolatile(base + BARRIER_GENERATION_OFFSET, generation + 1);
            }
        } finally {
            unlock();
        }
    }

    /** Breaks the barrier: waiting and future parties get {@link Broken} until {@link #reset()}. */
    public void abort() {
        lock();
        try {
            region.putIntVolatile(base + BARRIER_BROKEN_OFFSET, 1);
        } finally {
            unlock();
        }
    }

    public int parties() {
        return parties;
    }

    /** Parties waiting now (Python's {@code n_waiting}). */
    public int nWaiting() {
        return isBroken() ? 0 : region.getIntVolatile(base + BARRIER_ARRIVED_OFFSET);
    }

    /** Python's {@code broken}. */
    public boolean isBroken() {
        return region.getIntVolatile(base + BARRIER_BROKEN_OFFSET) == 1;
    }

    private void lock() {
        SpinMutex.lock(region, base + BARRIER_MUTEX_OFFSET);
    }

    private void unlock() {
        SpinMutex.unlock(region, base + BARRIER_MUTEX_OFFSET);
    }

    @Override
    public String toString() {
        return "Barrier(parties=" + parties + ", waiting=" + nWaiting() + (isBroken() ? ", broken" : "") + ")";
    }

    Object writeReplace() {
        Action action = this.action;
        long defaultTimeoutNanos = this.defaultTimeoutNanos;
        return SharedHandle.of(region, 0,
                (attached, senderPid) -> new Barrier(attached, senderPid, action, defaultTimeoutNanos));
    }

    /** Thrown to every party of a broken barrier (Python's {@code threading.BrokenBarrierError}). */
    public static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Broken(String message) {
            super(message);
        }

        public Broken(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
