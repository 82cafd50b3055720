package org.jmultiprocessing.spi;

/**
 * A {@code JoinableQueue}'s channel: each message sent counts an unfinished task, {@link #taskDone()} finishes
 * one. Its {@link #transit} hands the receiver a {@code JoinableQueueChannel}.
 */
public interface JoinableQueueChannel extends QueueChannel {
    /** Finishes one task; {@link IllegalStateException} when every task is already finished. */
    void taskDone();

    /** Waits until {@code deadline} for every task to be finished; returns whether they were. */
    boolean join(long deadline);
}
