package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.VALUE_OFFSET;

import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A counting semaphore shared between threads and processes (Python's {@code multiprocessing.Semaphore}):
 * {@code acquire()} takes one of the permits, waiting for one when none is left; {@code release()} adds one,
 * without limit (see {@link BoundedSemaphore} for a limited one).
 */
public class Semaphore extends SemLock {
    private static final long serialVersionUID = 1L;

    /** A semaphore with one permit, as Python's {@code Semaphore()}. */
    public Semaphore() {
        this(1);
    }

    public Semaphore(int value) {
        this(checkedValue(value), Integer.MAX_VALUE);
    }

    Semaphore(int value, int maxValue) {
        super(checkedValue(value), maxValue);
    }

    Semaphore(SharedRegion region, int base, long senderPid) {
        super(region, base, senderPid);
    }

    private static int checkedValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, got " + value);
        }
        return value;
    }

    @Override
    String kindName() {
        return "semaphore";
    }

    @Override
    boolean acquireUntil(long deadline) {
        enter();
        try {
            return acquirePermitUntil(deadline);
        } finally {
            exit();
        }
    }

    @Override
    public void release() {
        enter();
        try {
            releasePermit(false);
        } finally {
            exit();
        }
    }

    @Override
    String describe() {
        return getClass().getSimpleName() + "(value=" + region.getIntVolatile(base + VALUE_OFFSET) + ")";
    }
}
