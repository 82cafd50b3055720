package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.QueueDescriptor.*;

import java.nio.file.Path;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.spi.QueueChannel;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A {@code SimpleQueue} in shared memory: the layout of a queue ({@link QueueDescriptor}) without a maximum
 * size or a feeder thread: {@code send} writes into the ring itself and waits while the ring is full.
 */
final class RingSimpleQueue implements QueueChannel {
    private final SharedRegion region;
    private final int base;
    private final SharedRegion.Hold hold;
    private final MessageRing ring;

    private RingSimpleQueue() {
        this.region = SharedRegion.create("simple-queue", QueueDescriptor.length(DEFAULT_RING_CAPACITY));
        this.base = RegionDescriptor.HEADER_LENGTH;
        RingDescriptor.initialize(region, base + RING_OFFSET, DEFAULT_RING_CAPACITY);
        this.hold = region.hold(this, 0);
        this.ring = new MessageRing(region, base + RING_OFFSET);
    }

    private RingSimpleQueue(SharedRegion region, long senderPid) {
        this.region = region;
        this.base = RegionDescriptor.HEADER_LENGTH;
        this.hold = region.acceptTransit(this, 0, senderPid);
        this.ring = new MessageRing(region, base + RING_OFFSET);
    }

    static RingSimpleQueue create() {
        return new RingSimpleQueue();
    }

    /** Writes the item, waiting while the ring is full; the deadline does not apply (the queue is unbounded). */
    @Override
    public boolean send(Object message, long deadline) {
        MessageCodec.Encoded encoded = MessageCodec.encode(message);
        enter();
        try {
            region.getAndAddLong(base + SIZE_OFFSET, 1);
            ring.write(encoded.tag(), encoded.bytes(), 0, encoded.length(), null);
            return true;
        } finally {
            hold.exit();
        }
    }

    @Override
    public Object receive(long deadline) {
        MessageRing.Frame frame;
        enter();
        try {
            frame = ring.read(deadline, null);
            if (frame == null) {
                return NOTHING;
            }
            region.getAndAddLong(base + SIZE_OFFSET, -1);
        } finally {
            hold.exit();
        }
        return MessageCodec.decode(frame.tag(), frame.payload());
    }

    @Override
    public int size() {
        enter();
        try {
            return (int) Math.max(0, region.getLongVolatile(base + SIZE_OFFSET));
        } finally {
            hold.exit();
        }
    }

    @Override
    public int maxsize() {
        return 0;
    }

    /** Nothing to wait for: {@code send} has written its item when it returns. */
    @Override
    public void flush() {
    }

    @Override
    public void cancelFlush() {
    }

    /**
     * Ends this process's use of the queue and unmaps its memory (once no call on this instance is still
     * running); other processes are unaffected.
     */
    @Override
    public void close() {
        hold.release();
    }

    @Override
    public boolean isClosed() {
        return hold.isReleased();
    }

    @Override
    public Path path() {
        return region.path();
    }

    /** Begins an operation on the memory, which stays mapped until {@code hold.exit()}. */
    private void enter() {
        if (!hold.enter()) {
            throw RingQueue.closedError();
        }
    }

    @Override
    public Object transit(Rebuild<QueueChannel> rebuild) {
        enter();
        try {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new RingSimpleQueue(attached, senderPid)));
        } finally {
            hold.exit();
        }
    }
}
