package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.QueueDescriptor.*;

import java.io.Serializable;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.internal.shm.Backoff;
import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.internal.shm.MessageRing;
import org.jmultiprocessing.internal.shm.QueueDescriptor;
import org.jmultiprocessing.internal.shm.RegionDescriptor;
import org.jmultiprocessing.internal.shm.RingDescriptor;
import org.jmultiprocessing.internal.shm.SharedHandle;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A minimal FIFO queue between threads and processes (Python's {@code multiprocessing.SimpleQueue}):
 * {@code put}, {@code get}, {@code empty}, {@code close}. Unlike {@link Queue} it has no feeder thread:
 * {@code put} writes into the shared ring itself and waits when the ring (1 MiB) is full.
 *
 * @param <T> the type of the items
 */
public final class SimpleQueue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient SharedRegion region;
    private final transient int base;
    private final transient SharedRegion.Hold hold;
    private final transient MessageRing ring;

    public SimpleQueue() {
        this.region = SharedRegion.create("simple-queue", QueueDescriptor.length(DEFAULT_RING_CAPACITY));
        this.base = RegionDescriptor.HEADER_LENGTH;
        RingDescriptor.initialize(region, base + RING_OFFSET, DEFAULT_RING_CAPACITY);
        this.hold = region.hold(this, 0);
        this.ring = new MessageRing(region, base + RING_OFFSET);
    }

    private SimpleQueue(SharedRegion region, long senderPid) {
        this.region = region;
        this.base = RegionDescriptor.HEADER_LENGTH;
        this.hold = region.acceptTransit(this, 0, senderPid);
        this.ring = new MessageRing(region, base + RING_OFFSET);
    }

    /** Puts an item, waiting while the ring is full. */
    public void put(T item) {
        MessageCodec.Encoded encoded = MessageCodec.encode(item);
        enter();
        try {
            region.getAndAddLong(base + SIZE_OFFSET, 1);
            ring.write(encoded.tag(), encoded.bytes(), 0, encoded.length(), null);
        } finally {
            hold.exit();
        }
    }

    /** Takes the next item, waiting as long as it takes. */
    @SuppressWarnings("unchecked")
    public T get() {
        MessageRing.Frame frame;
        enter();
        try {
            frame = ring.read(Deadline.FOREVER, null);
            region.getAndAddLong(base + SIZE_OFFSET, -1);
        } finally {
            hold.exit();
        }
        return (T) MessageCodec.decode(frame.tag(), frame.payload());
    }

    /** True when no item is waiting. */
    public boolean empty() {
        enter();
        try {
            return region.getLongVolatile(base + SIZE_OFFSET) <= 0;
        } finally {
            hold.exit();
        }
    }

    /**
     * Ends this process's use of the queue and unmaps its memory (once no call on this instance is still
     * running); other processes are unaffected. Every later call on this instance is an
     * {@link IllegalStateException}.
     */
    public void close() {
        hold.release();
    }

    /** Begins an operation on the memory, which stays mapped until {@code hold.exit()}. */
    private void enter() {
        if (!hold.enter()) {
            throw new IllegalStateException("queue is closed in this process (close() was called)");
        }
    }

    @Override
    public String toString() {
        return hold.isReleased() ? "SimpleQueue(closed)" : "SimpleQueue(" + (empty() ? "empty" : "not empty") + ")";
    }

    Object writeReplace() {
        enter();
        try {
            return SharedHandle.of(region, 0, SimpleQueue::new);
        } finally {
            hold.exit();
        }
    }
}
