package org.jmultiprocessing;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.SemLockImpl;

/**
 * What {@link Lock}, {@link RLock}, {@link Semaphore} and {@link BoundedSemaphore} have in common (CPython's
 * {@code multiprocessing.synchronize.SemLock}): a counter that works between threads and between processes
 * alike. In the default context it lives in shared memory; in the {@code "thread"} context
 * ({@link Multiprocessing#getContext(String)}) it is an object of this JVM.
 *
 * <p>Python's {@code with lock:} is {@code try (var held = lock.acquired()) { ... }}: {@link #acquired()}
 * blocks until it has acquired, and closing the returned {@link Held} releases.
 *
 * <p>Timeouts are Python's, in seconds ({@code acquire(true, 0.5)}), or a {@link Duration}. A process that is
 * killed while holding a lock leaves it held, as in Python.
 *
 * <p>Passing the object to a child process (as a {@code Process} argument, or inside any serialized object)
 * sends only the name of its shared-memory file; the child attaches to the same counter. An object of the
 * thread context cannot be sent to another process ({@link NotTransferableException}).
 *
 * <p>{@link #close()} (an extension over Python, whose locks go with garbage collection) ends this instance's
 * use of the counter at once: its memory is unmapped when no other instance in this process uses it, and the
 * file is removed when no process does. Every later call on the instance is an {@link IllegalStateException}.
 */
public abstract class SemLock implements Serializable {
    private static final long serialVersionUID = 1L;

    SemLock() {
    }

    /** The implementation, for the operations all kinds share. */
    abstract SemLockImpl<?> impl();

    /** The name of the kind in error messages: "lock", "semaphore", ... */
    abstract String kindName();

    /**
     * Ends this instance's use of the counter and releases its memory (see above); a held lock stays held
     * for the other instances. Closing again does nothing.
     */
    public void close() {
        impl().close();
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
     * Acquires, waiting until {@code deadline}. Each kind calls its own typed implementation, rather than a
     * shared wrapper doing it, so the JIT still inlines the kind's fast path into the caller.
     */
    abstract boolean acquireUntil(long deadline);

    final IllegalStateException releasedTooManyTimes() {
        return new IllegalStateException(kindName() + " released too many times: release() was called"
                + " without a matching acquire()");
    }

    /** The current value of the counter (Python's {@code get_value()}); for locks, 1 when free. */
    public int getValue() {
        return impl().value();
    }

    /**
     * The shared-memory file behind this object, for diagnostics; an {@link UnsupportedOperationException}
     * in the thread context, which has none.
     */
    public Path path() {
        return impl().path();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "(" + impl().state() + ")";
    }
}
