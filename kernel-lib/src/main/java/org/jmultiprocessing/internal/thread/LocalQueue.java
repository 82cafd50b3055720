package org.jmultiprocessing.internal.thread;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.JoinableQueueChannel;
import org.jmultiprocessing.spi.QueueChannel;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A queue between threads of this JVM, as Python's {@code queue.Queue} (what {@code multiprocessing.dummy}
 * uses): the items themselves in a deque under one lock, at most {@code maxsize} of them, counting
 * unfinished tasks for {@code JoinableQueue}. Nothing is buffered outside the deque, so there is nothing to
 * flush; it serves {@code Queue}, {@code JoinableQueue} and {@code SimpleQueue} alike.
 */
final class LocalQueue implements JoinableQueueChannel {
    /** Stands for a null item, which the deque does not take. */
    private static final Object NULL_ITEM = new Object();

    private final String kind;
    private final int maxsize;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition allTasksDone = lock.newCondition();
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private long unfinishedTasks;
    private volatile boolean closed;

    /** @param kind the public class, for the error that it cannot leave this JVM */
    LocalQueue(String kind, int maxsize) {
        this.kind = kind;
        this.maxsize = maxsize;
    }

    @Override
    public boolean send(Object message, long deadline) {
        checkOpen();
        lock.lock();
        try {
            while (maxsize > 0 && items.size() >= maxsize) {
                if (!awaitUntil(notFull, deadline)) {
                    return false;
                }
            }
            items.addLast(message == null ? NULL_ITEM : message);
            unfinishedTasks++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Object receive(long deadline) {
        checkOpen();
        lock.lock();
        try {
            while (items.isEmpty()) {
                if (!awaitUntil(notEmpty, deadline)) {
                    return NOTHING;
                }
            }
            Object item = items.removeFirst();
            notFull.signal();
            return item == NULL_ITEM ? null : item;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        checkOpen();
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    @Override
    public void taskDone() {
        checkOpen();
        lock.lock();
        try {
            if (unfinishedTasks <= 0) {
                throw new IllegalStateException("taskDone() called more times than there were items put");
            }
            if (--unfinishedTasks == 0) {
                allTasksDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean join(long deadline) {
        checkOpen();
        lock.lock();
        try {
            while (unfinishedTasks > 0) {
                if (!awaitUntil(allTasksDone, deadline)) {
                    return false;
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Nothing to wait for: {@code send} has stored its item when it returns. */
    @Override
    public void flush() {
    }

    @Override
    public void cancelFlush() {
    }

    /** Every later call but {@code close} fails: the queue is one object, shared by all its threads. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Path path() {
        return null;
    }

    @Override
    public Object transit(Rebuild<QueueChannel> rebuild) {
        throw notTransferable(kind);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("queue is closed (close() was called)");
        }
    }

    /**
     * Waits on {@code condition} (its lock held) until signalled or {@code deadline}; false once the deadline
     * has passed. An interrupt ends the wait with a {@link CancellationException}, the interrupt flag kept, as
     * the process backend's waits do.
     */
    static boolean awaitUntil(Condition condition, long deadline) {
        try {
            if (deadline == Deadline.FOREVER) {
                condition.await();
                return true;
            }
            long nanos = deadline - System.nanoTime();
            if (nanos <= 0) {
                return false;
            }
            condition.awaitNanos(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting");
        }
    }

    /** The error of passing an object of the thread context to another process. */
    static NotTransferableException notTransferable(String kind) {
        return new NotTransferableException("a " + kind + " of the thread context lives in this JVM only and cannot"
                + " be sent to another process: make it with Multiprocessing.getContext() (the default, child JVMs)"
                + " to pass it to a child JVM", null);
    }
}
