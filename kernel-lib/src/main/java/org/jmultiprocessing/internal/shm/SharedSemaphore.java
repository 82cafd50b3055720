package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.SemaphoreImpl;

/** A counting semaphore in shared memory; a bounded one is never released above its initial value. */
final class SharedSemaphore extends SharedSemLock implements SemaphoreImpl {
    private final boolean bounded;

    SharedSemaphore(int value, boolean bounded) {
        super(kindName(bounded), value, bounded ? value : Integer.MAX_VALUE);
        this.bounded = bounded;
    }

    private SharedSemaphore(SharedRegion region, long senderPid, boolean bounded) {
        super(kindName(bounded), region, senderPid);
        this.bounded = bounded;
    }

    private static String kindName(boolean bounded) {
        return bounded ? "bounded-semaphore" : "semaphore";
    }

    @Override
    public boolean acquire(long deadline) {
        enter();
        try {
            return acquirePermitUntil(deadline);
        } finally {
            exit();
        }
    }

    @Override
    public boolean release() {
        enter();
        try {
            return releasePermit(bounded);
        } finally {
            exit();
        }
    }

    @Override
    String describe() {
        return "value=" + region.getIntVolatile(VALUE);
    }

    @Override
    public Object transit(Rebuild<SemaphoreImpl> rebuild) {
        boolean bounded = this.bounded;
        enter();
        try {
            return SharedHandle.of(region, 0,
                    (attached, senderPid) -> rebuild.around(new SharedSemaphore(attached, senderPid, bounded)));
        } finally {
            exit();
        }
    }
}
