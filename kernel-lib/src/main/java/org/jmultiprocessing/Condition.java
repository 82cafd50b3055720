package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.SyncDescriptor.*;

import java.io.Serializable;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.internal.shm.Backoff;
import org.jmultiprocessing.internal.shm.LockHolder;
import org.jmultiprocessing.internal.shm.RegionDescriptor;
import org.jmultiprocessing.internal.shm.SemaphoreDescriptor;
import org.jmultiprocessing.internal.shm.SharedHandle;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A condition variable shared between threads and processes (Python's {@code multiprocessing.Condition}),
 * bound to a {@link Lock} or {@link RLock} (a new RLock by default).
 *
 * <p>{@code wait}, {@code notify} and {@code notifyAll} are final methods of every Java object, so the Python
 * names map to those of {@link java.util.concurrent.locks.Condition}: {@code wait(timeout)} →
 * {@link #await(double)}, {@code wait_for(predicate, timeout)} → {@link #awaitUntil(BooleanSupplier, double)},
 * {@code notify(n)} → {@link #signal(int)}, {@code notify_all()} → {@link #signalAll()}. As in Python, the
 * calling thread must hold the lock for all of them ({@code try (var held = condition.acquired()) { ... }}).
 */
public final class Condition implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long SLEEPER = 1L << 32;

    private final transient SharedRegion region;
    private final transient int waiters;
    private final transient SemLock lock;

    /** A condition with a new {@link RLock}. */
    public Condition() {
        this(new RLock());
    }

    public Condition(Lock lock) {
        this((SemLock) lock);
    }

    public Condition(RLock lock) {
        this((SemLock) lock);
    }

    private Condition(SemLock lock) {
        this.region = SharedRegion.create("condition", CONDITION_LENGTH);
        this.waiters = RegionDescriptor.HEADER_LENGTH + CONDITION_WAITERS_OFFSET;
        this.lock = lock;
        region.holdUntilCollected(this, 0);
    }

    private Condition(SharedRegion region, long senderPid, SemLock lock) {
        this.region = region;
        this.waiters = RegionDescriptor.HEADER_LENGTH + CONDITION_WAITERS_OFFSET;
        this.lock = lock;
        region.acceptTransitUntilCollected(this, 0, senderPid);
    }

    /** The lock this condition is bound to. */
    public SemLock getLock() {
        return lock;
    }

    public boolean acquire() {
        return lock.acquire();
    }

    /** Python's {@code acquire(block)} on the condition's lock: with {@code block == false}, returns at once whether it acquired. */
    public boolean acquire(boolean block) {
        return lock.acquire(block);
    }

    public boolean acquire(boolean block, double timeoutSeconds) {
        return lock.acquire(block, timeoutSeconds);
    }

    public boolean acquire(Duration timeout) {
        return lock.acquire(timeout);
    }

    /** Acquires the lock; closing the result releases it ({@code with condition:} in Python). */
    public Held acquired() {
        return lock.acquired();
    }

    public void release() {
        lock.release();
    }

    /** Releases the lock, waits for a signal, and acquires the lock again (Python's {@code wait()}). */
    public boolean await() {
        return awaitUntil(Deadline.FOREVER);
    }

    /**
     * Like {@link #await()}, giving up after {@code timeoutSeconds}; returns false if it gave up (the lock
     * is held again either way).
     */
    public boolean await(double timeoutSeconds) {
        return awaitUntil(Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    public boolean await(Duration timeout) {
        return awaitUntil(Deadline.deadlineAfter(timeout));
    }

    /** Waits until {@code predicate} is true (Python's {@code wait_for}); returns its last value (true). */
    public boolean awaitUntil(BooleanSupplier predicate) {
        return awaitUntil(predicate, Deadline.FOREVER);
    }

    /** Waits at most {@code timeoutSeconds} until {@code predicate} is true; returns its last value. */
    public boolean awaitUntil(BooleanSupplier predicate, double timeoutSeconds) {
        return awaitUntil(predicate, Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    public boolean awaitUntil(BooleanSupplier predicate, Duration timeout) {
        return awaitUntil(predicate, Deadline.deadlineAfter(timeout));
    }

    private boolean awaitUntil(BooleanSupplier predicate, long deadline) {
        boolean result = predicate.getAsBoolean();
        while (!result) {
            if (Deadline.hasPassed(deadline)) {
                break;
            }
            awaitUntil(deadline);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    private boolean awaitUntil(long deadline) {
        checkOwned("await");
        region.getAndAddLong(waiters, SLEEPER);
        int depth = lock instanceof RLock rlock ? rlock.releaseFully() : releasePlainLock();
        boolean woken = false;
        try {
            Backoff backoff = new Backoff(deadline);
            while (true) {
                long word = region.getLongVolatile(waiters);
                if ((int) word > 0) {
                    if (region.compareAndSetLong(waiters, word, word - SLEEPER - 1)) {
                        woken = true;
                        break;
                    }
                    continue;
                }
                if (backoff.expired()) {
                    if (region.compareAndSetLong(waiters, word, word - SLEEPER)) {
                        break;
                    }
                    continue;
                }
                backoff.idle();
            }
        } finally {
            if (lock instanceof RLock rlock) {
                rlock.reacquire(depth);
            } else {
                lock.acquire();
            }
        }
        return woken;
    }

    private int releasePlainLock() {
        lock.release();
        return 1;
    }

    /** Wakes one waiter, if any (Python's {@code notify()}). */
    public void signal() {
        signal(1);
    }

    /** Wakes up to {@code n} waiters (Python's {@code notify(n)}). */
    public void signal(int n) {
        checkOwned("signal");
        while (true) {
            long word = region.getLongVolatile(waiters);
            int sleepers = (int) (word >>> 32);
            int signals = (int) word;
            int wake = Math.min(n, sleepers - signals);
            if (wake <= 0 || region.compareAndSetLong(waiters, word, word + wake)) {
                return;
            }
        }
    }

    /** Wakes every waiter (Python's {@code notify_all()}). */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    private void checkOwned(String what) {
        boolean owned = lock instanceof RLock rlock ? rlock.isOwnedByCurrentThread()
                : ((Lock) lock).isOwnedByCurrentThread();
        if (!owned) {
            throw new IllegalStateException("cannot " + what + " on a condition whose lock is "
                    + LockHolder.describe(lock.region.getLongVolatile(lock.base + SemaphoreDescriptor.OWNER_OFFSET))
                    + " (acquire it first: try (var held = condition.acquired()) { ... })");
        }
    }

    @Override
    public String toString() {
        long word = region.getLongVolatile(waiters);
        return "Condition(" + lock + ", waiting " + ((word >>> 32) - (int) word) + ")";
    }

    Object writeReplace() {
        SemLock lock = this.lock;
        return SharedHandle.of(region, 0, (attached, senderPid) -> new Condition(attached, senderPid, lock));
    }
}
