package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.QueueDescriptor.UNFINISHED_TASKS_OFFSET;

import java.time.Duration;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.internal.shm.Backoff;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A {@link Queue} that also counts unfinished tasks (Python's {@code multiprocessing.JoinableQueue}): every
 * {@code put} adds a task, every {@link #taskDone()} finishes one, and {@link #join()} waits until all are
 * finished. Calling {@code taskDone()} more often than items were put is an {@link IllegalStateException}.
 *
 * @param <T> the type of the items
 */
public final class JoinableQueue<T> extends Queue<T> {
    private static final long serialVersionUID = 1L;

    public JoinableQueue() {
        this(0);
    }

    public JoinableQueue(int maxsize) {
        super(Math.max(0, maxsize), "joinable-queue");
    }

    JoinableQueue(SharedRegion region, long senderPid) {
        super(region, senderPid);
    }

    @Override
    void beforeSend() {
        region.getAndAddLong(base + UNFINISHED_TASKS_OFFSET, 1);
    }

    /** Marks one task taken with {@code get} as finished (Python's {@code task_done()}). */
    public void taskDone() {
        int offset = base + UNFINISHED_TASKS_OFFSET;
        enter();
        try {
            while (true) {
                long unfinished = region.getLongVolatile(offset);
                if (unfinished <= 0) {
                    throw new IllegalStateException("taskDone() called more times than there were items put");
                }
                if (region.compareAndSetLong(offset, unfinished, unfinished - 1)) {
                    return;
                }
            }
        } finally {
            exit();
        }
    }

    /** Waits until every item put has been marked done with {@link #taskDone()}. */
    public void join() {
        joinUntil(Deadline.FOREVER);
    }

    /** Waits at most {@code timeout}; returns whether every task was done. (An extension over Python.) */
    public boolean join(Duration timeout) {
        return joinUntil(Deadline.deadlineAfter(timeout));
    }

    private boolean joinUntil(long deadline) {
        enter();
        try {
            return new Backoff(deadline).await(() -> region.getLongVolatile(base + UNFINISHED_TASKS_OFFSET) <= 0);
        } finally {
            exit();
        }
    }
}
