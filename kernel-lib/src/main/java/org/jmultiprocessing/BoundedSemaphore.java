package org.jmultiprocessing;

import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A semaphore that may not be released above its initial value (Python's
 * {@code multiprocessing.BoundedSemaphore}); doing so is an {@link IllegalStateException}.
 */
public final class BoundedSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;

    public BoundedSemaphore() {
        this(1);
    }

    public BoundedSemaphore(int value) {
        super(value, value);
    }

    BoundedSemaphore(SharedRegion region, int base, long senderPid) {
        super(region, base, senderPid);
    }

    @Override
    String kindName() {
        return "bounded-semaphore";
    }

    @Override
    public void release() {
        enter();
        try {
            releasePermit(true);
        } finally {
            exit();
        }
    }
}
