package org.jmultiprocessing;

import java.time.Duration;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.JoinableQueueChannel;

/**
 * A {@link Queue} that also counts unfinished tasks (Python's {@code multiprocessing.JoinableQueue}): every
 * {@code put} adds a task, every {@link #taskDone()} finishes one, and {@link #join()} waits until all are
 * finished. Calling {@code taskDone()} more often than items were put is an {@link IllegalStateException}.
 *
 * @param <T> the type of the items
 */
public final class JoinableQueue<T> extends Queue<T> {
    private static final long serialVersionUID = 1L;

    private final transient JoinableQueueChannel tasks;

    public JoinableQueue() {
        this(0);
    }

    public JoinableQueue(int maxsize) {
        this(Context.defaultContext(), maxsize);
    }

    JoinableQueue(Context context, int maxsize) {
        this(context.backend().channels().joinableQueue(Math.max(0, maxsize)));
        RichDisplay.install();
    }

    /** The queue around {@code channel}: a new one, or this process's copy of one received. */
    JoinableQueue(JoinableQueueChannel channel) {
        super(channel);
        this.tasks = channel;
    }

    /** Marks one task taken with {@code get} as finished (Python's {@code task_done()}). */
    public void taskDone() {
        tasks.taskDone();
    }

    /** Waits until every item put has been marked done with {@link #taskDone()}. */
    public void join() {
        tasks.join(Deadline.FOREVER);
    }

    /** Waits at most {@code timeout}; returns whether every task was done. (An extension over Python.) */
    public boolean join(Duration timeout) {
        return tasks.join(Deadline.deadlineAfter(timeout));
    }

    @Override
    Object writeReplace() {
        return tasks.transit(received -> new JoinableQueue<>((JoinableQueueChannel) received));
    }
}
