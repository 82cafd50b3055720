package org.jmultiprocessing.internal.shm;

import java.nio.file.Path;

import org.jmultiprocessing.spi.Deadline;

/**
 * A counter of permits in shared memory (layout in {@link SemaphoreDescriptor}), working between threads and
 * processes alike: what {@link SharedLock}, {@link SharedRLock} and {@link SharedSemaphore} have in common.
 * Every operation runs between {@link #enter()} and {@link #exit()}, so {@link #close()} never unmaps memory
 * in use.
 *
 * <p>Every counter sits at the start of its region's payload, a value's lock too
 * ({@link CellsDescriptor#LOCK_OFFSET} is 0), so its words are at fixed offsets: one load fewer per access.
 */
abstract class SharedSemLock {
    static final int BASE = RegionDescriptor.HEADER_LENGTH;
    static final int VALUE = BASE + SemaphoreDescriptor.VALUE_OFFSET;
    static final int OWNER = BASE + SemaphoreDescriptor.OWNER_OFFSET;
    static final int DEPTH = BASE + SemaphoreDescriptor.DEPTH_OFFSET;
    static final int MAX_VALUE = BASE + SemaphoreDescriptor.MAX_VALUE_OFFSET;

    final SharedRegion region;
    private final SharedRegion.Hold hold;
    private final String kindName;

    /** A new counter in a region of its own. */
    SharedSemLock(String kindName, int value, int maxValue) {
        this.kindName = kindName;
        this.region = SharedRegion.create(kindName, SemaphoreDescriptor.LENGTH);
        SemaphoreDescriptor.initialize(region, BASE, value, maxValue);
        this.hold = region.hold(this, 0);
    }

    /** Attaches to a counter received from {@code senderPid} (see {@link SharedRegion#acceptTransit}). */
    SharedSemLock(String kindName, SharedRegion region, long senderPid) {
        this.kindName = kindName;
        this.region = region;
        this.hold = region.acceptTransit(this, 0, senderPid);
    }

    /** The counter of another object's region, which initialized it (the lock of a value). */
    SharedSemLock(String kindName, SharedRegion region) {
        this.kindName = kindName;
        this.region = region;
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
            return region.getIntVolatile(VALUE);
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
        Backoff backoff = null;
        while (true) {
            int value = region.getIntVolatile(VALUE);
            if (value > 0) {
                if (region.compareAndSetInt(VALUE, value, value - 1)) {
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
        if (!bounded) {
            region.getAndAddInt(VALUE, 1);
            return true;
        }
        int max = region.getIntVolatile(MAX_VALUE);
        while (true) {
            int value = region.getIntVolatile(VALUE);
            if (value >= max) {
                return false;
            }
            if (region.compareAndSetInt(VALUE, value, value + 1)) {
                return true;
            }
        }
    }

    /**
     * Who holds the lock, as {@link LockHolder} names it in error messages (the lock kinds' {@code holder()}:
     * both keep the holder in the owner word).
     */
    public final String holder() {
        enter();
        try {
            return LockHolder.describe(region.getLongVolatile(OWNER));
        } finally {
            exit();
        }
    }
}
