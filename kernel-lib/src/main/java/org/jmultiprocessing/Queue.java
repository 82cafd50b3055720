package org.jmultiprocessing;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.MessageChannel;
import org.jmultiprocessing.spi.QueueChannel;

/**
 * A FIFO queue between threads and processes (Python's {@code multiprocessing.Queue}). Items travel through
 * a ring in shared memory; numbers, strings, {@code byte[]}, {@code double[]}, {@code int[]}, {@code long[]}
 * and {@code null} are copied directly and anything else must be {@link java.io.Serializable}. Pass the queue
 * to a child process as a {@code Process} argument.
 *
 * <p>As in Python, {@code put} on a queue without a maximum size does not wait for readers: when the ring is
 * full, items wait in this process and a background feeder thread writes them as readers make room. A
 * {@code byte[]} larger than half the ring is the exception that saves a copy of it: while a reader takes
 * it, {@code put} writes it into the ring straight from the array, and only if the reader stops taking it
 * for a while does {@code put} copy the rest for the feeder and return. Items are
 * snapshotted when {@code put} returns (later changes to the object are not seen), and items put by one
 * thread arrive in order. When the process exits, it waits until its feeder has written everything (Python's
 * {@code join_thread}) unless {@link #cancelJoinThread()} was called, so make sure someone reads what was
 * put.
 *
 * <p>Timeouts are Python's, in seconds, or a {@link Duration}. Python's {@code queue.Empty} and
 * {@code queue.Full} are {@link Empty} and {@link Full}.
 *
 * <p>A queue of the thread context ({@code Multiprocessing.getContext("thread").queue()}) is Python's
 * {@code multiprocessing.dummy} queue: items are passed as they are (the same objects, not copies), there is
 * no feeder, and it cannot be passed to a child JVM.
 *
 * @param <T> the type of the items
 */
public class Queue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient QueueChannel channel;
    private final transient int maxsize;

    /** An unbounded queue ({@code Queue()} in Python). */
    public Queue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; 0 or less means unbounded, as in Python. */
    public Queue(int maxsize) {
        this(Context.defaultContext(), maxsize);
    }

    Queue(Context context, int maxsize) {
        this(context.backend().channels().queue(Math.max(0, maxsize)));
        RichDisplay.install();
    }

    /** The queue around {@code channel}: a new one, or this process's copy of one received. */
    Queue(QueueChannel channel) {
        this.channel = channel;
        this.maxsize = channel.maxsize();
    }

    // ---------------------------------------------------------------------------------------------------------
    // put

    /** Puts an item, waiting for a free slot if the queue has a maximum size and is full. */
    public void put(T item) {
        // Calls the channel itself rather than putUntil: the hot path, kept one call deep for the JIT.
        if (!channel.send(item, Deadline.FOREVER)) {
            throw fullError();
        }
    }

    /** Puts an item, waiting at most {@code timeoutSeconds} for a free slot; throws {@link Full} after that. */
    public void put(T item, double timeoutSeconds) {
        putUntil(item, Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    /** Puts an item, waiting at most {@code timeout} for a free slot; throws {@link Full} after that. */
    public void put(T item, Duration timeout) {
        putUntil(item, Deadline.deadlineAfter(timeout));
    }

    /**
     * Python's {@code put(item, block)}: {@code put(x, true)} waits as long as it takes for a free slot,
     * {@code put(x, false)} throws {@link Full} at once if there is none (as {@link #putNowait}).
     */
    public void put(T item, boolean block) {
        if (block) {
            put(item);
        } else {
            putNowait(item);
        }
    }

    /**
     * Python's {@code put(item, block, timeout)}: with {@code block == false} the timeout is ignored and
     * {@link Full} is thrown at once if there is no free slot.
     */
    public void put(T item, boolean block, double timeoutSeconds) {
        if (block) {
            put(item, timeoutSeconds);
        } else {
            putNowait(item);
        }
    }

    /** Puts an item if a slot is free now, else throws {@link Full} (Python's {@code put_nowait}). */
    public void putNowait(T item) {
        putUntil(item, System.nanoTime());
    }

    private void putUntil(T item, long deadline) {
        if (!channel.send(item, deadline)) {
            throw fullError();
        }
    }

    private Full fullError() {
        return new Full("queue is full (maxsize " + maxsize + ")");
    }

    // ---------------------------------------------------------------------------------------------------------
    // get

    /** Takes the next item, waiting as long as it takes. */
    @SuppressWarnings("unchecked")
    public T get() {
        // As put: the channel itself. Waiting forever, it always returns an item.
        return (T) channel.receive(Deadline.FOREVER);
    }

    /** Takes the next item, waiting at most {@code timeoutSeconds}; throws {@link Empty} after that. */
    public T get(double timeoutSeconds) {
        return getUntil(Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    /** Takes the next item, waiting at most {@code timeout}; throws {@link Empty} after that. */
    public T get(Duration timeout) {
        return getUntil(Deadline.deadlineAfter(timeout));
    }

    /**
     * Python's {@code get(block)}: {@code get(true)} waits as long as it takes for an item, {@code get(false)}
     * throws {@link Empty} at once if none is there (as {@link #getNowait}).
     */
    public T get(boolean block) {
        return block ? get() : getNowait();
    }

    /**
     * Python's {@code get(block, timeout)}: with {@code block == false} the timeout is ignored and
     * {@link Empty} is thrown at once if no item is there.
     */
    public T get(boolean block, double timeoutSeconds) {
        return block ? get(timeoutSeconds) : getNowait();
    }

    /** Takes an item if one is there now, else throws {@link Empty} (Python's {@code get_nowait}). */
    public T getNowait() {
        return getUntil(System.nanoTime());
    }

    @SuppressWarnings("unchecked")
    private T getUntil(long deadline) {
        Object item = channel.receive(deadline);
        if (item == MessageChannel.NOTHING) {
            throw new Empty("queue is empty");
        }
        return (T) item;
    }

    // ---------------------------------------------------------------------------------------------------------
    // State

    /** The number of items put and not yet taken, by all processes. */
    public int qsize() {
        return channel.size();
    }

    /** True when no item is waiting. */
    public boolean empty() {
        return qsize() == 0;
    }

    /** True when the queue has a maximum size and holds that many items. */
    public boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    /** The maximum size given at creation; 0 for unbounded. */
    public int maxsize() {
        return maxsize;
    }

    /**
     * This process will neither put nor get any more (Python's {@code close()}): items it put are still
     * delivered by the feeder, after which this process's use of the shared memory ends and its memory is
     * unmapped (once no call on this instance is still running). Other processes are unaffected; every
     * later call on this instance is an {@link IllegalStateException}.
     */
    public void close() {
        channel.close();
    }

    /** Waits until the feeder has written every item this process put (Python's {@code join_thread()}). */
    public void joinThread() {
        channel.flush();
    }

    /**
     * Lets this process exit without waiting for its unwritten items, which are then lost (Python's
     * {@code cancel_join_thread()}).
     */
    public void cancelJoinThread() {
        channel.cancelFlush();
    }

    /** The shared-memory file behind this queue, for diagnostics; null for a queue of the thread context. */
    public Path path() {
        return channel.path();
    }

    @Override
    public String toString() {
        if (channel.isClosed()) {
            return getClass().getSimpleName() + "(closed)";
        }
        return getClass().getSimpleName() + "(qsize=" + qsize() + (maxsize > 0 ? ", maxsize=" + maxsize : "") + ")";
    }

    Object writeReplace() {
        return channel.transit(received -> new Queue<>(received));
    }

    /** Thrown by {@code get} when no item arrived in time (Python's {@code queue.Empty}). */
    public static final class Empty extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Empty(String message) {
            super(message);
        }
    }

    /** Thrown by {@code put} when no slot became free in time (Python's {@code queue.Full}). */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Full(String message) {
            super(message);
        }
    }
}
