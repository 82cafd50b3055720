package org.jmultiprocessing;

import org.jmultiprocessing.spi.LockImpl;

/**
 * A recursive lock shared between threads and processes (Python's {@code multiprocessing.RLock}): the
 * thread that holds it may acquire it again, and must release it as many times; only that thread may release
 * it. This is also the lock of a {@link Value} or {@link Array} ({@code getLock()}).
 */
public final class RLock extends SemLock {
    private static final long serialVersionUID = 1L;

    final transient LockImpl impl;

    /** A recursive lock of the default context. */
    public RLock() {
        this(Context.defaultContext().backend().locks().rlock());
    }

    RLock(LockImpl impl) {
        this.impl = impl;
    }

    @Override
    LockImpl impl() {
        return impl;
    }

    @Override
    String kindName() {
        return "rlock";
    }

    @Override
    boolean acquireUntil(long deadline) {
        return impl.acquire(deadline);
    }

    /** Releases once; a thread that does not hold the lock may not release it ({@link IllegalStateException}). */
    @Override
    public void release() {
        if (!impl.release()) {
            throw new IllegalStateException("cannot release an RLock " + impl.holder()
                    + " (only the thread holding an RLock may release it)");
        }
    }

    /** True when the calling thread holds the lock. */
    public boolean isOwnedByCurrentThread() {
        return impl.isOwnedByCurrentThread();
    }

    Object writeReplace() {
        return impl.transit(RLock::new);
    }
}
