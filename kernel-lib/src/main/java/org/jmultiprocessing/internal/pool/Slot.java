package org.jmultiprocessing.internal.pool;

import org.jmultiprocessing.spi.PoolWorkerRow;

/** One worker's place in a {@link PoolEngine}: a thread that takes chunks from the pool's queue and runs them. */
interface Slot {
    void start();

    /** Called by the pool while this slot waits for work: a worker that died is replaced. */
    void replaceIfDied();

    /** Stops the worker if it runs a chunk of {@code job}, which the caller abandoned. */
    void killIfRunning(Job job);

    /** The pool was terminated: stops the worker now. */
    void terminateWorker();

    /** Waits until the slot's thread has ended, or until {@code deadline}. */
    boolean join(long deadline) throws InterruptedException;

    boolean isCurrentThread();

    boolean isRunning();

    /** What the worker is doing, for the pool's table; {@code null} while the slot has no worker. */
    PoolWorkerRow activity();

    /** The process id of the worker, or {@code null} while the slot has none. */
    Long workerPid();
}
