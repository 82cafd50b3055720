package org.jmultiprocessing.spi;

import java.util.Iterator;
import java.util.List;


/**
 * A running pool: takes calls ({@code map}, {@code imap}, {@code apply}...), cut into chunks that its workers
 * run. Functions are {@code Func0}..{@code Func3}, {@code Callable}s or {@code Runnable}s.
 */
public interface WorkerPool {
    int processes();

    /** The process ids of the workers running now. */
    List<Long> workerPids();

    /** One row per current worker: pid, items done, what it runs now. */
    List<PoolWorkerRow> workerActivity();

    /**
     * Submits a call whose items are all known: every chunk is queued at once; the call's future completes
     * with a mutable {@code List} of the results in order, or with the one result when {@code single} (apply).
     *
     * @param starred whether each item is an {@code Object[]} of arguments rather than one argument
     */
    ListCall submit(Object function, boolean starred, List<?> items, int chunkSize, boolean single);

    /**
     * Submits a call over an input read lazily, in the consuming thread, a bounded number of chunks ahead;
     * results come in order when {@code ordered}, else as they complete.
     */
    StreamCall stream(Object function, boolean starred, Iterator<?> input, int chunkSize, boolean ordered);

    /** Python's {@code close()}: no new work; the workers exit once the submitted work is done. */
    void close();

    /** Python's {@code terminate()}: stops the workers now; unfinished calls fail with a CancellationException. */
    void terminate();

    boolean isClosed();

    /** Waits until every worker has stopped, or until {@code deadline} (see {@link Deadline}). */
    boolean join(long deadline) throws InterruptedException;

    boolean allStopped();

    /** Fails when called from one of the pool's own threads (a result callback), which cannot wait for the pool. */
    void checkNotOwnThread();
}
