package org.jmultiprocessing;

import java.io.Serializable;

import org.jmultiprocessing.spi.CellsImpl;
import org.jmultiprocessing.spi.LockImpl;

/** What {@link Value} and {@link Array} have in common: how many elements there are, and the optional lock. */
abstract class Cells implements Serializable {
    private static final long serialVersionUID = 1L;

    final transient int length;
    final transient RLock lock;

    Cells(CellsImpl<?> impl) {
        this.length = impl.length();
        LockImpl lockImpl = impl.lock();
        this.lock = lockImpl == null ? null : new RLock(lockImpl);
    }

    /**
     * The lock guarding this value or array (Python's {@code get_lock()}); an {@link IllegalStateException}
     * for a raw one.
     */
    public RLock getLock() {
        if (lock == null) {
            throw new IllegalStateException("a raw value or array has no lock; create it with Value/Array instead of"
                    + " RawValue/RawArray, or guard it with a Lock of your own");
        }
        return lock;
    }

    /** Runs {@code action} while holding this value's or array's lock. */
    public void withLock(Runnable action) {
        RLock lock = getLock();
        lock.acquire();
        try {
            action.run();
        } finally {
            lock.release();
        }
    }
}
