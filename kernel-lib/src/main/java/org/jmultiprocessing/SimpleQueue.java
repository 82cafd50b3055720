package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.QueueDescriptor.*;

import java.io.Serializable;

import org.jmultiprocessing.internal.shm.Backoff;
import org.jmultiprocessing.internal.shm.MessageCodec;
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
        checkOpen();
        MessageCodec.Encoded encoded = MessageCodec.encode(item);
        region.getAndAddLong(base + SIZE_OFFSET, 1);
        ring.write(encoded.tag(), encoded.bytes(), 0, encoded.length(), null);
    }

    /** Takes the next item, waiting as long as it takes. */
    @SuppressWarnings("unchecked")
    public T get() {
        checkOpen();
        MessageRing.Frame frame = ring.read(Backoff.FOREVER, null);
        region.getAndAddLong(base + SIZE_OFFSET, -1);
        return (T) MessageCodec.decode(frame.tag(), frame.payload());
    }

    /** True when no item is waiting. */
    public boolean empty() {
        return region.getLongVolatile(base + SIZE_OFFSET) <= 0;
    }

    /** Ends this process's use of the queue; other processes are unaffected. */
    public void close() {
        hold.release();
    }

    private void checkOpen() {
        if (hold.isReleased()) {
            throw new IllegalStateException("queue is closed in this process (close() was called)");
        }
    }

    @Override
    public String toString() {
        return "SimpleQueue(" + (empty() ? "empty" : "not empty") + ")";
    }

    Object writeReplace() {
        checkOpen();
        return SharedHandle.of(region, 0, SimpleQueue::new);
    }
}
