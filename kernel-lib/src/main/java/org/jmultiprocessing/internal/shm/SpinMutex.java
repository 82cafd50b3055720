package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.spi.Deadline;

/**
 * A mutual-exclusion word in shared memory for short internal critical sections (0 free, 1 held):
 * compare-and-set, backing off as {@link Backoff} does while another thread or process holds it.
 */
public final class SpinMutex {
    private SpinMutex() {
    }

    public static void lock(SharedRegion region, int offset) {
        if (region.compareAndSetInt(offset, 0, 1)) {
            return;
        }
        Backoff backoff = new Backoff(Deadline.FOREVER);
        while (!(region.getIntVolatile(offset) == 0 && region.compareAndSetInt(offset, 0, 1))) {
            backoff.idle();
        }
    }

    public static void unlock(SharedRegion region, int offset) {
        region.putIntRelease(offset, 0);
    }
}
