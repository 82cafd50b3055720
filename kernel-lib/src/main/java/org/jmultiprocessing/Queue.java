package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.QueueDescriptor.*;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.internal.runtime.ExitHooks;
import org.jmultiprocessing.internal.runtime.LibraryThreads;
import org.jmultiprocessing.internal.shm.Backoff;
import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.internal.shm.MessageRing;
import org.jmultiprocessing.internal.shm.QueueDescriptor;
import org.jmultiprocessing.internal.shm.RegionDescriptor;
import org.jmultiprocessing.internal.shm.RingDescriptor;
import org.jmultiprocessing.internal.shm.SharedHandle;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A FIFO queue between threads and processes (Python's {@code multiprocessing.Queue}). Items travel through
 * a ring in shared memory; numbers, strings, byte arrays and {@code null} are copied directly and anything
 * else must be {@link java.io.Serializable}. Pass the queue to a child process as a {@code Process} argument.
 *
 * <p>As in Python, {@code put} on a queue without a maximum size never blocks: when the ring is full, items
 * wait in this process and a background feeder thread writes them as readers make room. Items are
 * snapshotted when {@code put} returns (later changes to the object are not seen), and items put by one
 * thread arrive in order. When the process exits, it waits until its feeder has written everything (Python's
 * {@code join_thread}) unless {@link #cancelJoinThread()} was called, so make sure someone reads what was
 * put.
 *
 * <p>Timeouts are Python's, in seconds, or a {@link Duration}. Python's {@code queue.Empty} and
 * {@code queue.Full} are {@link Empty} and {@link Full}.
 *
 * @param <T> the type of the items
 */
public class Queue<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * How long {@code put} keeps trying to write into a full (or busy) ring itself before handing the item
     * to the feeder thread: readers usually make room within microseconds, and writing directly is much
     * cheaper than a copy plus a thread hand-off, which on a machine with few cores competes with the reader.
     */
    private static final long DIRECT_WRITE_PATIENCE_NANOS = 50_000;
    /** How long an idle feeder thread waits for more items before it ends. */
    private static final long FEEDER_LINGER_MILLIS = 100;
    private static final Set<Queue<?>> FEEDING = ConcurrentHashMap.newKeySet();

    static {
        ExitHooks.add(ExitHooks.Stage.FLUSH, Queue::flushAllAtExit);
    }

    final transient SharedRegion region;
    final transient int base;
    private final transient SharedRegion.Hold hold;
    private final transient MessageRing ring;
    private final transient int maxsize;
    private final transient Object feed = new Object();
    private final transient ArrayDeque<MessageCodec.Encoded> backlog = new ArrayDeque<>();
    private transient Thread feeder;
    /** True while the feeder streams an item longer than the ring allows whole; nothing else may be written. */
    private transient boolean streaming;
    private transient volatile boolean closed;
    private transient volatile boolean cancelJoin;

    /** An unbounded queue ({@code Queue()} in Python). */
    public Queue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; 0 or less means unbounded, as in Python. */
    public Queue(int maxsize) {
        this(Math.max(0, maxsize), "queue");
    }

    Queue(int maxsize, String kind) {
        this.region = SharedRegion.create(kind, QueueDescriptor.length(DEFAULT_RING_CAPACITY));
        this.base = RegionDescriptor.HEADER_LENGTH;
        region.putIntVolatile(base + MAX_SIZE_OFFSET, maxsize);
        RingDescriptor.initialize(region, base + RING_OFFSET, DEFAULT_RING_CAPACITY);
        this.hold = region.hold(this, 0);
        this.ring = new MessageRing(region, base + RING_OFFSET);
        this.maxsize = maxsize;
        RichDisplay.install();
    }

    Queue(SharedRegion region, long senderPid) {
        this.region = region;
        this.base = RegionDescriptor.HEADER_LENGTH;
        this.hold = region.acceptTransit(this, 0, senderPid);
        this.ring = new MessageRing(region, base + RING_OFFSET);
        this.maxsize = region.getIntVolatile(base + MAX_SIZE_OFFSET);
    }

    // ---------------------------------------------------------------------------------------------------------
    // put

    /** Puts an item, waiting for a free slot if the queue has a maximum size and is full. */
    public void put(T item) {
        putUntil(item, Deadline.FOREVER);
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

    void putUntil(T item, long deadline) {
        checkOpen();
        MessageCodec.Encoded encoded = MessageCodec.encode(item);
        enter();
        boolean handedToFeeder = false;
        try {
            reserveSlot(deadline);
            beforeSend();
            handedToFeeder = send(encoded);
        } finally {
            if (!handedToFeeder) {
                exit();
            }
        }
    }

    /** Hook for {@link JoinableQueue}: counts the task once its slot is reserved. */
    void beforeSend() {
    }

    private void reserveSlot(long deadline) {
        int sizeOffset = base + SIZE_OFFSET;
        if (maxsize == 0) {
            region.getAndAddLong(sizeOffset, 1);
            return;
        }
        Backoff backoff = null;
        while (true) {
            long size = region.getLongVolatile(sizeOffset);
            if (size < maxsize) {
                if (region.compareAndSetLong(sizeOffset, size, size + 1)) {
                    return;
                }
                continue;
            }
            if (backoff == null) {
                backoff = new Backoff(deadline);
            }
            if (backoff.expired()) {
                throw new Full("queue is full (maxsize " + maxsize + ")");
            }
            backoff.idle();
        }
    }

    /**
     * Writes the item, or leaves it to the feeder thread. Returns true when it started the feeder, which then
     * carries on the caller's operation on the memory and ends it (see {@link #enter()}).
     */
    private boolean send(MessageCodec.Encoded encoded) {
        synchronized (feed) {
            if (backlog.isEmpty() && !streaming && encoded.length() <= directLimit()) {
                if (writeDirectly(encoded)) {
                    return false;
                }
            }
            backlog.addLast(encoded.detached());
            drainWithoutWaiting();
            if (!backlog.isEmpty() && feeder == null) {
                feeder = LibraryThreads.startDaemon(this::feed, "jmp-queue-feeder");
                FEEDING.add(this);
                return true;
            }
            feed.notifyAll();
            return false;
        }
    }

    /** Tries to write into the ring for a little while; returns whether it wrote. */
    private boolean writeDirectly(MessageCodec.Encoded encoded) {
        if (ring.tryWrite(encoded.tag(), encoded.bytes())) {
            return true;
        }
        long giveUp = System.nanoTime() + DIRECT_WRITE_PATIENCE_NANOS;
        while (System.nanoTime() - giveUp < 0) {
            Thread.onSpinWait();
            if (ring.tryWrite(encoded.tag(), encoded.bytes())) {
                return true;
            }
        }
        return false;
    }

    /** Items up to this size are written whole or not at all; longer ones are streamed by the feeder. */
    private int directLimit() {
        return ring.capacity() / 2;
    }

    /**
     * Writes waiting items, in order, for as long as they fit into the ring now. Called with {@code feed}
     * held, by {@code put} as well as the feeder, so a producer that outpaces its readers only briefly
     * soon writes directly again.
     */
    private void drainWithoutWaiting() {
        if (!streaming && !backlog.isEmpty()) {
            ring.tryWriteAll(backlog, directLimit());
        }
    }

    /**
     * The feeder thread: writes the backlog as readers make room, streams items longer than half the ring,
     * and ends once the backlog has stayed empty for a while (or at once when the queue is closed), so that
     * a producer that keeps outpacing its readers does not start a thread each time. It runs within the
     * operation of the {@code put} that started it, and ends that operation.
     */
    private void feed() {
        try {
            writeBacklog();
        } finally {
            exit();
        }
    }

    private void writeBacklog() {
        Backoff backoff = new Backoff(Deadline.FOREVER);
        while (true) {
            MessageCodec.Encoded large = null;
            synchronized (feed) {
                int before = backlog.size();
                drainWithoutWaiting();
                if (backlog.isEmpty() && !lingerForMoreItems()) {
                    feeder = null;
                    FEEDING.remove(this);
                    if (closed) {
                        hold.release();
                    }
                    return;
                }
                MessageCodec.Encoded next = backlog.peekFirst();
                if (next.length() > directLimit()) {
                    large = backlog.removeFirst();
                    streaming = true;
                } else if (backlog.size() < before) {
                    backoff = new Backoff(Deadline.FOREVER);
                }
            }
            if (large != null) {
                ring.write(large.tag(), large.bytes(), 0, large.length(), null);
                synchronized (feed) {
                    streaming = false;
                }
                backoff = new Backoff(Deadline.FOREVER);
            } else {
                backoff.idle();
            }
        }
    }

    /** With {@code feed} held and the backlog empty: waits a little for more; returns whether some came. */
    private boolean lingerForMoreItems() {
        feed.notifyAll();
        if (closed) {
            return false;
        }
        try {
            feed.wait(FEEDER_LINGER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !backlog.isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // get

    /** Takes the next item, waiting as long as it takes. */
    public T get() {
        return getUntil(Deadline.FOREVER);
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
    T getUntil(long deadline) {
        checkOpen();
        MessageRing.Frame frame;
        enter();
        try {
            frame = ring.read(deadline, null);
            if (frame == null) {
                throw new Empty("queue is empty");
            }
            region.getAndAddLong(base + SIZE_OFFSET, -1);
        } finally {
            exit();
        }
        return (T) MessageCodec.decode(frame.tag(), frame.payload());
    }

    // ---------------------------------------------------------------------------------------------------------
    // State

    /** The number of items put and not yet taken, by all processes. */
    public int qsize() {
        enter();
        try {
            return (int) Math.max(0, region.getLongVolatile(base + SIZE_OFFSET));
        } finally {
            exit();
        }
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
        synchronized (feed) {
            if (closed) {
                return;
            }
            closed = true;
            if (feeder == null) {
                hold.release();
            } else {
                feed.notifyAll();
            }
        }
    }

    /** Waits until the feeder has written every item this process put (Python's {@code join_thread()}). */
    public void joinThread() {
        synchronized (feed) {
            while (!backlog.isEmpty() || streaming) {
                try {
                    feed.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted while waiting for the queue feeder");
                }
            }
        }
    }

    /**
     * Lets this process exit without waiting for its unwritten items, which are then lost (Python's
     * {@code cancel_join_thread()}).
     */
    public void cancelJoinThread() {
        cancelJoin = true;
    }

    private static void flushAllAtExit() {
        for (Queue<?> queue : FEEDING) {
            if (!queue.cancelJoin) {
                queue.joinThread();
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw closedError();
        }
    }

    /**
     * Begins an operation on the shared memory, which stays mapped until the operation ends with
     * {@link #exit()}; {@link IllegalStateException} once this process's use of the queue has ended.
     */
    final void enter() {
        if (!hold.enter()) {
            throw closedError();
        }
    }

    final void exit() {
        hold.exit();
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("queue is closed in this process (close() was called)");
    }

    /** The shared-memory file behind this queue, for diagnostics. */
    public Path path() {
        return region.path();
    }

    @Override
    public String toString() {
        if (closed) {
            return getClass().getSimpleName() + "(closed)";
        }
        return getClass().getSimpleName() + "(qsize=" + qsize() + (maxsize > 0 ? ", maxsize=" + maxsize : "") + ")";
    }

    Object writeReplace() {
        checkOpen();
        enter();
        try {
            return SharedHandle.of(region, 0, this instanceof JoinableQueue ? JoinableQueue::new : Queue::new);
        } finally {
            exit();
        }
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
