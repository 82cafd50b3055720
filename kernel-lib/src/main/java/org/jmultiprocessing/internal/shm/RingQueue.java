package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.QueueDescriptor.*;

import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.internal.runtime.ExitHooks;
import org.jmultiprocessing.internal.runtime.LibraryThreads;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.QueueChannel;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A {@code Queue} in shared memory (layout in {@link QueueDescriptor}): a size counter that bounds it, and a
 * {@link MessageRing} that carries the items, fed by a background thread when the ring is full, so that
 * {@code send} on an unbounded queue does not wait for a reader (Python's feeder thread). Items are encoded
 * when {@code send} returns, and items sent by one thread arrive in order. A {@code byte[]} longer than half
 * the ring is not copied: {@code send} streams it into the ring itself while a reader takes it, and only
 * when the ring has stayed full for a while ({@link #CALLER_STREAM_STALL_NANOS}) copies what is left for the
 * feeder to finish. At exit, the process waits until its feeders have written everything, unless
 * {@link #cancelFlush()} was called.
 */
class RingQueue implements QueueChannel {
    /**
     * How long {@code send} keeps trying to write into a full (or busy) ring itself before handing the item
     * to the feeder thread: readers usually make room within microseconds, and writing directly is much
     * cheaper than a copy plus a thread hand-off, which on a machine with few cores competes with the reader.
     */
    private static final long DIRECT_WRITE_PATIENCE_NANOS = 50_000;
    /**
     * How long {@code send} streaming a large {@code byte[]} waits for the reader to make room (or for the
     * ring's write lock) before it hands the rest to the feeder, plus a nanosecond per byte of the item: a
     * reader first allocates (and the JVM zeroes) an array of the item's size. Short enough that a queue
     * nobody reads yet costs {@code send} little more than the copy it would make anyway.
     */
    private static final long CALLER_STREAM_STALL_NANOS = 10_000_000;
    /** How long an idle feeder thread waits for more items before it ends. */
    private static final long FEEDER_LINGER_MILLIS = 100;
    private static final Set<RingQueue> FEEDING = ConcurrentHashMap.newKeySet();

    static {
        ExitHooks.add(ExitHooks.Stage.FLUSH, RingQueue::flushAllAtExit);
    }

    final SharedRegion region;
    final int base;
    private final SharedRegion.Hold hold;
    private final MessageRing ring;
    private final int maxsize;
    /** True for a {@code JoinableQueue}: every item sent counts an unfinished task. */
    private final boolean countsTasks;
    private final Object feed = new Object();
    private final ArrayDeque<MessageCodec.Encoded> backlog = new ArrayDeque<>();
    private Thread feeder;
    /**
     * True while the feeder or a sending thread streams an item longer than the ring allows whole; nothing
     * else may be written.
     */
    private boolean streaming;
    /** A frame a sending thread began and left to the feeder to finish, with the bytes still to write. */
    private Continuation continuation;
    private volatile boolean closed;
    private volatile boolean cancelFlush;

    /** A new queue of {@code kind} (the file name's prefix). */
    RingQueue(String kind, int maxsize, boolean countsTasks) {
        this.region = SharedRegion.create(kind, QueueDescriptor.length(DEFAULT_RING_CAPACITY));
        this.base = RegionDescriptor.HEADER_LENGTH;
        region.putIntVolatile(base + MAX_SIZE_OFFSET, maxsize);
        RingDescriptor.initialize(region, base + RING_OFFSET, DEFAULT_RING_CAPACITY);
        this.hold = region.hold(this, 0);
        this.ring = new MessageRing(region, base + RING_OFFSET);
        this.maxsize = maxsize;
        this.countsTasks = countsTasks;
    }

    /** This process's copy of a queue received from {@code senderPid}. */
    RingQueue(SharedRegion region, long senderPid, boolean countsTasks) {
        this.region = region;
        this.base = RegionDescriptor.HEADER_LENGTH;
        this.hold = region.acceptTransit(this, 0, senderPid);
        this.ring = new MessageRing(region, base + RING_OFFSET);
        this.maxsize = region.getIntVolatile(base + MAX_SIZE_OFFSET);
        this.countsTasks = countsTasks;
    }

    static RingQueue create(int maxsize) {
        return new RingQueue("queue", maxsize, false);
    }

    // ---------------------------------------------------------------------------------------------------------
    // send

    @Override
    public final boolean send(Object message, long deadline) {
        checkOpen();
        MessageCodec.Encoded encoded = MessageCodec.encode(message);
        if (maxsize == 0) {
            // All of it under feed, which close() takes to release the hold: the memory stays mapped without
            // counting the operation in the hold, two atomic adds fewer per item.
            boolean streamHere;
            synchronized (feed) {
                checkOpen();
                region.getAndAddLong(base + SIZE_OFFSET, 1);
                streamHere = write(encoded);
                if (streamHere) {
                    enter();
                }
            }
            if (streamHere) {
                try {
                    streamFromSender(encoded);
                } finally {
                    exit();
                }
            }
            // The hold ends when this object is collected: not before the memory accesses above.
            Reference.reachabilityFence(this);
            return true;
        }
        enter();
        try {
            if (!reserveSlot(deadline)) {
                return false;
            }
            boolean streamHere;
            synchronized (feed) {
                streamHere = write(encoded);
            }
            if (streamHere) {
                streamFromSender(encoded);
            }
            return true;
        } finally {
            exit();
        }
    }

    private boolean reserveSlot(long deadline) {
        int sizeOffset = base + SIZE_OFFSET;
        Backoff backoff = null;
        while (true) {
            long size = region.getLongVolatile(sizeOffset);
            if (size < maxsize) {
                if (region.compareAndSetLong(sizeOffset, size, size + 1)) {
                    return true;
                }
                continue;
            }
            if (backoff == null) {
                backoff = new Backoff(deadline);
            }
            if (backoff.expired()) {
                return false;
            }
            backoff.idle();
        }
    }

    /**
     * With {@code feed} held and the slot reserved: counts the task, and writes the item or leaves it to the
     * feeder thread. Returns true when the item is a large {@code byte[]} that the sending thread is to
     * stream in itself ({@link #streamFromSender}), with {@code streaming} set for it.
     */
    private boolean write(MessageCodec.Encoded encoded) {
        if (countsTasks) {
            region.getAndAddLong(base + UNFINISHED_TASKS_OFFSET, 1);
        }
        if (backlog.isEmpty() && !streaming) {
            if (encoded.length() <= directLimit() && writeDirectly(encoded)) {
                return false;
            }
            if (encoded.tag() == MessageCodec.BYTES && encoded.length() > directLimit()) {
                streaming = true;
                return true;
            }
        }
        backlog.addLast(encoded.detached());
        drainWithoutWaiting();
        startFeederIfNeeded();
        return false;
    }

    /**
     * With {@code feed} held: wakes the feeder thread, or starts it within an operation of its own on the
     * memory (see {@link #enter()}) when there is work and no feeder.
     */
    private void startFeederIfNeeded() {
        if ((!backlog.isEmpty() || continuation != null) && feeder == null) {
            enter();
            try {
                feeder = LibraryThreads.startDaemon(this::feed, "jmp-queue-feeder");
            } catch (RuntimeException | Error e) {
                exit();
                throw e;
            }
            FEEDING.add(this);
            return;
        }
        feed.notifyAll();
    }

    /**
     * Streams a large {@code byte[]} from the sender's own array while a reader takes it, without the copy
     * the feeder needs. When the ring stays full (or another process holds its write lock) for longer than
     * {@link #CALLER_STREAM_STALL_NANOS} and a nanosecond per byte, what is left is copied and the feeder
     * finishes it, so that {@code send} returns with the item encoded. An interrupt while waiting for the
     * write lock hands the whole item to the feeder (the thread stays interrupted). Runs within an operation
     * on the memory, outside {@code feed}, with {@code streaming} set by {@link #write}.
     */
    private void streamFromSender(MessageCodec.Encoded encoded) {
        byte[] bytes = encoded.bytes();
        long patience = CALLER_STREAM_STALL_NANOS + bytes.length;
        MessageRing.FrameStream frame;
        try {
            frame = ring.tryBeginFrame(encoded.tag(), bytes.length, patience);
        } catch (CancellationException e) {
            frame = null;
        } catch (RuntimeException e) {
            // The ring is unusable (a writer died in the middle of a frame): nothing was written.
            synchronized (feed) {
                streaming = false;
                feed.notifyAll();
            }
            throw e;
        }
        if (frame == null) {
            synchronized (feed) {
                streaming = false;
                backlog.addFirst(encoded.detached());
                startFeederIfNeeded();
            }
            return;
        }
        int copied = frame.copy(bytes, 0, bytes.length, patience);
        if (copied < bytes.length) {
            byte[] rest = Arrays.copyOfRange(bytes, copied, bytes.length);
            synchronized (feed) {
                // A closed queue without a feeder has let go of its memory: no feeder can start, so the
                // frame, once begun, is finished here.
                if (!(closed && feeder == null)) {
                    continuation = new Continuation(frame, rest);
                    startFeederIfNeeded();
                    return;
                }
            }
            frame.copy(rest, 0, rest.length, Deadline.FOREVER);
        }
        frame.finish();
        synchronized (feed) {
            streaming = false;
            feed.notifyAll();
        }
    }

    /** A frame begun by a sending thread, and the bytes of it that the feeder is still to write. */
    private record Continuation(MessageRing.FrameStream frame, byte[] rest) {
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

    /** Items up to this size are written whole or not at all; longer ones are streamed (by sender or feeder). */
    private int directLimit() {
        return ring.capacity() / 2;
    }

    /**
     * Writes waiting items, in order, for as long as they fit into the ring now. Called with {@code feed}
     * held, by {@code send} as well as the feeder, so a producer that outpaces its readers only briefly
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
     * operation that the {@code send} starting it began for it, and ends that operation.
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
            Continuation unfinished = null;
            synchronized (feed) {
                if (continuation != null) {
                    unfinished = continuation;
                    continuation = null;
                } else if (!streaming) {
                    int before = backlog.size();
                    drainWithoutWaiting();
                    if (backlog.isEmpty()) {
                        if (lingerForMoreItems()) {
                            continue;
                        }
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
                // else a sending thread streams an item, whose rest may yet come here as a continuation
            }
            if (unfinished != null) {
                unfinished.frame().copy(unfinished.rest(), 0, unfinished.rest().length, Deadline.FOREVER);
                unfinished.frame().finish();
            } else if (large != null) {
                ring.write(large.tag(), large.bytes(), 0, large.length(), null);
            } else {
                backoff.idle();
                continue;
            }
            synchronized (feed) {
                streaming = false;
                feed.notifyAll();
            }
            backoff = new Backoff(Deadline.FOREVER);
        }
    }

    /**
     * With {@code feed} held and the backlog empty: waits a little for more (items, or the rest of a frame a
     * sending thread began); returns whether some came.
     */
    private boolean lingerForMoreItems() {
        feed.notifyAll();
        if (closed) {
            return false;
        }
        try {
            feed.wait(FEEDER_LINGER_MILLIS);
        } catch (InterruptedException e) {
            // Ends the feeder, once nothing is left to write.
            Thread.currentThread().interrupt();
        }
        return !backlog.isEmpty() || continuation != null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // receive

    @Override
    public final Object receive(long deadline) {
        checkOpen();
        MessageRing.Frame frame;
        enter();
        try {
            frame = ring.read(deadline, null);
            if (frame == null) {
                return NOTHING;
            }
            region.getAndAddLong(base + SIZE_OFFSET, -1);
        } finally {
            exit();
        }
        return MessageCodec.decode(frame.tag(), frame.payload());
    }

    // ---------------------------------------------------------------------------------------------------------
    // State

    @Override
    public final int size() {
        enter();
        try {
            return (int) Math.max(0, region.getLongVolatile(base + SIZE_OFFSET));
        } finally {
            exit();
        }
    }

    @Override
    public final int maxsize() {
        return maxsize;
    }

    /**
     * This process will neither send nor receive any more: items it sent are still delivered by the feeder,
     * after which this process's use of the shared memory ends and its memory is unmapped (once no call on
     * this instance is still running).
     */
    @Override
    public final void close() {
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

    @Override
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final void flush() {
        synchronized (feed) {
            while (!backlog.isEmpty() || streaming) {
                try {
                    feed.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while waiting for the queue feeder");
                }
            }
        }
    }

    @Override
    public final void cancelFlush() {
        cancelFlush = true;
    }

    private static void flushAllAtExit() {
        for (RingQueue queue : FEEDING) {
            if (!queue.cancelFlush) {
                queue.flush();
            }
        }
    }

    final void checkOpen() {
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

    static IllegalStateException closedError() {
        return new IllegalStateException("queue is closed in this process (close() was called)");
    }

    @Override
    public final Path path() {
        return region.path();
    }

    @Override
    public Object transit(Rebuild<QueueChannel> rebuild) {
        checkOpen();
        enter();
        try {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new RingQueue(attached, senderPid, false)));
        } finally {
            exit();
        }
    }
}
