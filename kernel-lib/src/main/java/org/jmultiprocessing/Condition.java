package org.jmultiprocessing;

import java.io.Serializable;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jmultiprocessing.spi.ConditionImpl;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.LockImpl;

/**
 * A condition variable shared between threads and processes (Python's {@code multiprocessing.Condition}),
 * bound to a {@link Lock} or {@link RLock} (a new RLock by default). Its waiters are counted by the context
 * that made it; the lock may be of any context, and an {@link RLock} held several times is released fully for
 * the wait and held as many times again after it.
 *
 * <p>{@code wait}, {@code notify} and {@code notifyAll} are final methods of every Java object, so the Python
 * names map to those of {@link java.util.concurrent.locks.Condition}: {@code wait(timeout)} →
 * {@link #await(double)}, {@code wait_for(predicate, timeout)} → {@link #awaitUntil(BooleanSupplier, double)},
 * {@code notify(n)} → {@link #signal(int)}, {@code notify_all()} → {@link #signalAll()}. As in Python, the
 * calling thread must hold the lock for all of them ({@code try (var held = condition.acquired()) { ... }}).
 */
public final class Condition implements Serializable {
    private static final long serialVersionUID = 1L;
    private final transient ConditionImpl impl;
    private final transient SemLock lock;
    private final transient LockImpl lockImpl;

    /** A condition of the default context with a new {@link RLock}. */
    public Condition() {
        this(Context.defaultContext().backend().locks().condition(), new RLock());
    }

    /** A condition of the default context bound to {@code lock}. */
    public Condition(Lock lock) {
        this(Context.defaultContext().backend().locks().condition(), lock);
    }

    /** A condition of the default context bound to {@code lock}. */
    public Condition(RLock lock) {
        this(Context.defaultContext().backend().locks().condition(), lock);
    }

    /** The condition counting its waiters with {@code impl}, bound to {@code lock} (a {@link Lock} or {@link RLock}). */
    Condition(ConditionImpl impl, SemLock lock) {
        this.impl = impl;
        this.lock = lock;
        this.lockImpl = lock instanceof RLock rlock ? rlock.impl : ((Lock) lock).impl;
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
        return impl.await(lockImpl, deadline);
    }

    /** Wakes one waiter, if any (Python's {@code notify()}). */
    public void signal() {
        signal(1);
    }

    /** Wakes up to {@code n} waiters (Python's {@code notify(n)}). */
    public void signal(int n) {
        checkOwned("signal");
        impl.signal(n);
    }

    /** Wakes every waiter (Python's {@code notify_all()}). */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    private void checkOwned(String what) {
        if (!lockImpl.isOwnedByCurrentThread()) {
            throw new IllegalStateException("cannot " + what + " on a condition whose lock is " + lockImpl.holder()
                    + " (acquire it first: try (var held = condition.acquired()) { ... })");
        }
    }

    @Override
    public String toString() {
        return "Condition(" + lock + ", waiting " + impl.waiting() + ")";
    }

    /** The serialized form: the waiters' handle, with the lock, which travels by its own. */
    Object writeReplace() {
        SemLock lock = this.lock;
        return impl.transit(received -> new Condition(received, lock));
    }
}
