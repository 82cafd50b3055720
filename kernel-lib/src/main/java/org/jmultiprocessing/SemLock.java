package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.SemaphoreDescriptor.*;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.internal.shm.Backoff;
import org.jmultiprocessing.internal.shm.RegionDescriptor;
import org.jmultiprocessing.internal.shm.SemaphoreDescriptor;
import org.jmultiprocessing.internal.shm.SharedHandle;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * What {@link Lock}, {@link RLock}, {@link Semaphore} and {@link BoundedSemaphore} have in common (CPython's
 * {@code multiprocessing.synchronize.SemLock}): a counter in shared memory that works between threads and
 * between processes alike.
 *
 * <p>Python's {@code with lock:} is {@code try (var held = lock.acquired()) { ... }}: {@link #acquired()}
 * blocks until it has acquired, and closing the returned {@link Held} releases.
 *
 * <p>Timeouts are Python's, in seconds ({@code acquire(true, 0.5)}), or a {@link Duration}. A process that is
 * killed while holding a lock leaves it held, as in Python.
 *
 * <p>Passing the object to a child process (as a {@code Process} argument, or inside any serialized object)
 * sends only the name of its shared-memory file; the child attaches to the same counter.
 *
 * <p>{@link #close()} (an extension over Python, whose locks go with garbage collection) ends this instance's
 * use of the counter at once: its memory is unmapped when no other instance in this process uses it, and the
 * file is removed when no process does. Every later call on the instance is an {@link IllegalStateException}.
 */
public abstract class SemLock implements Serializable {
    private static final long serialVersionUID = 1L;

    final transient SharedRegion region;
    final transient int base;
    private final transient SharedRegion.Hold hold;

    SemLock(int value, int maxValue) {
        this.region = SharedRegion.create(kindName(), SemaphoreDescriptor.LENGTH);
        this.base = RegionDescriptor.HEADER_LENGTH;
        SemaphoreDescriptor.initialize(region, base, value, maxValue);
        this.hold = region.hold(this, 0);
    }

    /** Attaches to a counter received from {@code senderPid} (see {@link SharedRegion#acceptTransit}). */
    SemLock(SharedRegion region, int base, long senderPid) {
        this.region = region;
        this.base = base;
        this.hold = region.acceptTransit(this, 0, senderPid);
    }

    /** A lock living inside another object's region (the lock of a {@link Value}, for instance). */
    SemLock(SharedRegion region, int base) {
        this.region = region;
        this.base = base;
        this.hold = region.hold(this, 0);
    }

    abstract String kindName();

    /**
     * Ends this instance's use of the counter and releases its memory (see above); a held lock stays held
     * for the other instances. Closing again does nothing.
     */
    public void close() {
        hold.release();
    }

    /** Begins an operation on the memory (see {@link SharedRegion.Hold#enter()}); pair with {@link #exit()}. */
    final void enter() {
        if (!hold.enter()) {
            throw closedError();
        }
    }

    private IllegalStateException closedError() {
        return new IllegalStateException(kindName() + " is closed in this instance (close() was called)");
    }

    final void exit() {
        hold.exit();
    }

    /** Blocks until acquired; returns true, as Python's {@code acquire()} does. */
    public boolean acquire() {
        return acquireUntil(Deadline.FOREVER);
    }

    /** Python's {@code acquire(block)}: with {@code block == false}, returns at once whether it acquired. */
    public boolean acquire(boolean block) {
        return block ? acquire() : acquireUntil(System.nanoTime());
    }

    /**
     * Python's {@code acquire(block, timeout)}: waits at most {@code timeoutSeconds} (ignored when
     * {@code block} is false) and returns whether it acquired.
     */
    public boolean acquire(boolean block, double timeoutSeconds) {
        return block ? acquireUntil(Deadline.deadlineAfterSeconds(timeoutSeconds)) : acquire(false);
    }

    /** Waits at most {@code timeout} and returns whether it acquired. */
    public boolean acquire(Duration timeout) {
        return acquireUntil(Deadline.deadlineAfter(timeout));
    }

    /**
     * Acquires (blocking) and returns a {@link Held} whose {@code close()} releases:
     * {@code try (var held = lock.acquired()) { ... }} is Python's {@code with lock: ...}.
     */
    public Held acquired() {
        acquire();
        return this::release;
    }

    /**
     * Releases; releasing more than was acquired (or, for an {@link RLock}, from a thread that does not hold
     * it) is an {@link IllegalStateException}.
     */
    public abstract void release();

    /**
     * Acquires, waiting until {@code deadline}. Each kind guards its own body with {@link #enter()}, rather
     * than a shared wrapper doing it, so the JIT still inlines the kind's fast path into the caller.
     */
    abstract boolean acquireUntil(long deadline);

    /** What {@link #toString()} shows of an open instance, read within an operation. */
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

    final void releasePermit(boolean bounded) {
        int valueOffset = base + VALUE_OFFSET;
        if (!bounded) {
            region.getAndAddInt(valueOffset, 1);
            return;
        }
        int max = region.getIntVolatile(base + MAX_VALUE_OFFSET);
        while (true) {
            int value = region.getIntVolatile(valueOffset);
            if (value >= max) {
                throw new IllegalStateException(kindName() + " released too many times: release() was called"
                        + " without a matching acquire()");
            }
            if (region.compareAndSetInt(valueOffset, value, value + 1)) {
                return;
            }
        }
    }

    /** The current value of the counter (Python's {@code get_value()}); for locks, 1 when free. */
    public int getValue() {
        enter();
        try {
            return region.getIntVolatile(base + VALUE_OFFSET);
        } finally {
            exit();
        }
    }

    /** The shared-memory file behind this object, for diagnostics. */
    public Path path() {
        return region.path();
    }

    @Override
    public final String toString() {
        if (!hold.enter()) {
            return getClass().getSimpleName() + "(closed)";
        }
        try {
            return describe();
        } finally {
            exit();
        }
    }

    /** The serialized form: the file, the offset of the counter in it, and which kind of lock it is. */
    Object writeReplace() {
        int base = this.base;
        Class<? extends SemLock> kind = getClass();
        enter();
        try {
            return SharedHandle.of(region, 0, (attached, senderPid) -> received(kind, attached, base, senderPid));
        } finally {
            exit();
        }
    }

    private static SemLock received(Class<? extends SemLock> kind, SharedRegion region, int base, long senderPid) {
        if (kind == Lock.class) {
            return new Lock(region, base, senderPid);
        } else if (kind == RLock.class) {
            return new RLock(region, base, senderPid);
        } else if (kind == BoundedSemaphore.class) {
            return new BoundedSemaphore(region, base, senderPid);
        } else if (kind == Semaphore.class) {
            return new Semaphore(region, base, senderPid);
        }
        throw new IllegalStateException("unknown lock kind " + kind.getName());
    }
}
