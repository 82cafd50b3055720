package org.jmultiprocessing.spi;


/** One call on a {@link WorkerPool}. */
public interface PoolCall {
    /** How far the call has got, for a progress bar. */
    JobProgress progress();

    /** Whether the call runs over many items (map, imap, ...), as opposed to one task (apply, submit). */
    boolean isBatch();

    /** Stops the call: queued chunks are dropped, and workers busy with it are stopped and replaced. */
    void cancel(String reason);
}
