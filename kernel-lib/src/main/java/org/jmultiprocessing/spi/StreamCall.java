package org.jmultiprocessing.spi;

import java.util.concurrent.TimeoutException;

/** A call over an input read lazily ({@code imap}, {@code imapUnordered}). */
public interface StreamCall extends PoolCall {
    /** Returned by {@link #next} when the results are exhausted. */
    Object END = new Object() {
        @Override
        public String toString() {
            return "END";
        }
    };

    /**
     * The next result, or {@link #END}, waiting until {@code deadline} (see {@link Deadline}). Throws the
     * failure of the chunk the result belongs to; must be called from one thread, which also reads the input.
     */
    Object next(long deadline) throws InterruptedException, TimeoutException, Throwable;
}
