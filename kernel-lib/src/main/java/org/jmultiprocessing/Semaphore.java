package org.jmultiprocessing;

import org.jmultiprocessing.spi.SemaphoreImpl;

/**
 * A counting semaphore shared between threads and processes (Python's {@code multiprocessing.Semaphore}):
 * {@code acquire()} takes one of the permits, waiting for one when none is left; {@code release()} adds one,
 * without limit (see {@link BoundedSemaphore} for a limited one).
 */
public class Semaphore extends SemLock {
    private static final long serialVersionUID = 1L;

    final transient SemaphoreImpl impl;

    /** A semaphore of the default context with one permit, as Python's {@code Semaphore()}. */
    public Semaphore() {
        this(1);
    }

    /** A semaphore of the default context with {@code value} permits. */
    public Semaphore(int value) {
        this(Context.defaultContext().backend().locks().semaphore(checkedValue(value)));
    }

    Semaphore(SemaphoreImpl impl) {
        this.impl = impl;
    }

    static int checkedValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, got " + value);
        }
        return value;
    }

    @Override
    SemaphoreImpl impl() {
        return impl;
    }

    @Override
    String kindName() {
        return "semaphore";
    }

    @Override
    boolean acquireUntil(long deadline) {
        return impl.acquire(deadline);
    }

    @Override
    public void release() {
        if (!impl.release()) {
            throw releasedTooManyTimes();
        }
    }

    Object writeReplace() {
        return impl.transit(Semaphore::new);
    }
}
