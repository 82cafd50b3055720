package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.MAX_VALUE_OFFSET;
import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.VALUE_OFFSET;

import java.nio.file.Path;

import org.jmultiprocessing.spi.Deadline;

/**
 * A counter of permits in shared memory (layout in {@link SemaphoreDescriptor}), working between threads and
 * processes alike: what {@link SharedLock}, {@link SharedRLock} and {@link SharedSemaphore} have in common.
 * Every operation runs between {@link #enter()} and {@link #exit()}, so {@link #close()} never unmaps memory
 * in use.
 */
abstract class SharedSemLock {
    final SharedRegion region;
    final int base;
    private final SharedRegion.Hold hold;
    private final String kindName;

    /** A new counter in a region of its own. */
    SharedSemLock(String kindName, int value, int maxValue) {
        this.kindName = kindName;
        this.region = SharedRegion.create(kindName, SemaphoreDescriptor.LENGTH);
        this.base = RegionDescriptor.HEADER_LENGTH;
        SemaphoreDescriptor.initialize(region, base, value, maxValue);
        this.hold = region.hold(this, 0);
    }

    /** Attaches to a counter received from {@code senderPid} (see {@link SharedRegion#acceptTransit}). */
    SharedSemLock(String kindName, SharedRegion region, int base, long senderPid) {
        this.kindName = kindName;
        this.region = region;
        this.base = base;
        this.hold = region.acceptTransit(this, 0, senderPid);
    }

    /** A counter at {@code base} inside another object's region, which initialized it (the lock of a value). */
    SharedSemLock(String kindName, SharedRegion region, int base) {
        this.kindName = kindName;
        this.region = region;
        this.base = base;
        this.hold = region.hold(this, 0);
    }

    /** Begins an operation on the memory (see {@link SharedRegion.Hold#enter()}); pair with {@link #exit()}. */
    final void enter() {
        if (!hold.enter()) {
            throw new IllegalStateException(kindName + " is closed in this instance (close() was called)");
        }
    }

    final void exit() {
        hold.exit();
    }

    public final void close() {
        hold.release();
    }

    public final Path path() {
        return region.path();
    }

    public final int value() {
        enter();
        try {
            return region.getIntVolatile(base + VALUE_OFFSET);
        } finally {
            exit();
        }
    }

    public final String state() {
        if (!hold.enter()) {
            return "closed";
        }
        try {
            return describe();
        } finally {
            exit();
        }
    }

    /** What {@link #state()} shows of an open instance, read within an operation. */
    abstract String describe();

    final boolean acquirePermitUntil(long deadline) {
        int valueOffset = base + VALUE_OFFSET;
        Backoff backoff = null;
        while (true) {
            int value = region.getIntVolatile(valueOffset);
            if (value > 0) {
                if (region.compareAndSetInt(valueOffset, value, value - 1)) {
                    return true;
                }
                continue;
            }
            if (backoff == null) {
                if (Deadline.hasPassed(deadline)) {
                    return false;
                }
                backoff = new Backoff(deadline);
            } else if (backoff.expired()) {
                return false;
            }
            backoff.idle();
        }
    }

    /** Adds a permit; false, adding none, when {@code bounded} and the counter is at its maximum. */
    final boolean releasePermit(boolean bounded) {
        int valueOffset = base + VALUE_OFFSET;
        if (!bounded) {
            region.getAndAddInt(valueOffset, 1);
            return true;
        }
        int max = region.getIntVolatile(base + MAX_VALUE_OFFSET);
        while (true) {
            int value = region.getIntVolatile(valueOffset);
            if (value >= max) {
                return false;
            }
            if (region.compareAndSetInt(valueOffset, value, value + 1)) {
                return true;
            }
        }
    }
}
