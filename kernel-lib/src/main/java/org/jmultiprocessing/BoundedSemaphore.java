package org.jmultiprocessing;

import org.jmultiprocessing.spi.SemaphoreImpl;

/**
 * A semaphore that may not be released above its initial value (Python's
 * {@code multiprocessing.BoundedSemaphore}); doing so is an {@link IllegalStateException}.
 */
public final class BoundedSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;

    /** A bounded semaphore of the default context with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /** A bounded semaphore of the default context with {@code value} permits, its bound. */
    public BoundedSemaphore(int value) {
        this(Context.defaultContext().backend().locks().boundedSemaphore(checkedValue(value)));
    }

    BoundedSemaphore(SemaphoreImpl impl) {
        super(impl);
    }

    @Override
    String kindName() {
        return "bounded-semaphore";
    }

    @Override
    Object writeReplace() {
        return impl.transit(BoundedSemaphore::new);
    }
}
