package org.jmultiprocessing;

import org.jmultiprocessing.spi.LockImpl;

/**
 * A non-recursive lock shared between threads and processes (Python's {@code multiprocessing.Lock}). Any
 * thread of any process may release it, as in Python; releasing it while it is free is an error. A thread
 * that acquires it twice without releasing waits for itself: use {@link RLock} for that.
 */
public final class Lock extends SemLock {
    private static final long serialVersionUID = 1L;

    final transient LockImpl impl;

    /** A lock of the default context. */
    public Lock() {
        this(Context.defaultContext().backend().locks().lock());
    }

    Lock(LockImpl impl) {
        this.impl = impl;
    }

    @Override
    LockImpl impl() {
        return impl;
    }

    @Override
    String kindName() {
        return "lock";
    }

    @Override
    boolean acquireUntil(long deadline) {
        return impl.acquire(deadline);
    }

    /** Releases; releasing a lock that is not held is an {@link IllegalStateException}. */
    @Override
    public void release() {
        if (!impl.release()) {
            throw releasedTooManyTimes();
        }
    }

    Object writeReplace() {
        return impl.transit(Lock::new);
    }
}
