package org.jmultiprocessing;

import java.io.Serializable;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.QueueChannel;

/**
 * A minimal FIFO queue between threads and processes (Python's {@code multiprocessing.SimpleQueue}):
 * {@code put}, {@code get}, {@code empty}, {@code close}. Unlike {@link Queue} it has no feeder thread:
 * {@code put} writes into the shared ring itself and waits when the ring (1 MiB) is full. One of the thread
 * context ({@code Multiprocessing.getContext("thread").simpleQueue()}) passes the items themselves between
 * threads of this JVM and cannot be passed to a child JVM.
 *
 * @param <T> the type of the items
 */
public final class SimpleQueue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient QueueChannel channel;

    public SimpleQueue() {
        this(Context.defaultContext());
    }

    SimpleQueue(Context context) {
        this(context.backend().channels().simpleQueue());
    }

    /** The queue around {@code channel}: a new one, or this process's copy of one received. */
    private SimpleQueue(QueueChannel channel) {
        this.channel = channel;
    }

    /** Puts an item, waiting while the ring is full. */
    public void put(T item) {
        channel.send(item, Deadline.FOREVER);
    }

    /** Takes the next item, waiting as long as it takes. */
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) channel.receive(Deadline.FOREVER);
    }

    /** True when no item is waiting. */
    public boolean empty() {
        return channel.size() == 0;
    }

    /**
     * Ends this process's use of the queue and unmaps its memory (once no call on this instance is still
     * running); other processes are unaffected. Every later call on this instance is an
     * {@link IllegalStateException}.
     */
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return channel.isClosed() ? "SimpleQueue(closed)" : "SimpleQueue(" + (empty() ? "empty" : "not empty") + ")";
    }

    Object writeReplace() {
        return channel.transit(received -> new SimpleQueue<>(received));
    }
}
