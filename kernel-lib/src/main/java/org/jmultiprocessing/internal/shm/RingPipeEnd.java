package org.jmultiprocessing.internal.shm;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.PeerGoneException;
import org.jmultiprocessing.spi.PipeEnd;
import org.jmultiprocessing.spi.Rebuild;

/**
 * One end of a pipe in shared memory (layout in {@link PipeDescriptor}): it reads one ring and writes the
 * other, and is a hold group of the region, so that the other end sees end-of-file once no live process
 * holds this one.
 */
final class RingPipeEnd implements PipeEnd {
    private final SharedRegion region;
    private final int end;
    private final SharedRegion.Hold hold;
    private final MessageRing incoming;
    private final MessageRing outgoing;
    private final BooleanSupplier peerGone;

    /** An end received from {@code senderPid}, or (0) a fresh one. */
    private RingPipeEnd(SharedRegion region, int end, long senderPid) {
        this.region = region;
        this.end = end;
        this.hold = senderPid == 0 ? region.hold(this, end) : region.acceptTransit(this, end, senderPid);
        int base = RegionDescriptor.HEADER_LENGTH;
        boolean duplex = region.getIntVolatile(base + PipeDescriptor.DUPLEX_OFFSET) == 1;
        this.incoming = duplex || end == 0 ? new MessageRing(region, base + PipeDescriptor.ringOffsetTo(end)) : null;
        this.outgoing = duplex || end == 1 ? new MessageRing(region, base + PipeDescriptor.ringOffsetTo(1 - end)) : null;
        int peer = 1 - end;
        this.peerGone = () -> !region.isHeld(peer);
    }

    /** A new pipe: its region with one ring per direction, and its two ends. */
    static Channels.Ends createPipe(boolean duplex) {
        SharedRegion region = SharedRegion.create(duplex ? "pipe" : "oneway-pipe", PipeDescriptor.length(duplex));
        int base = RegionDescriptor.HEADER_LENGTH;
        region.putIntVolatile(base + PipeDescriptor.DUPLEX_OFFSET, duplex ? 1 : 0);
        RingDescriptor.initialize(region, base + PipeDescriptor.ringOffsetTo(0), PipeDescriptor.RING_CAPACITY);
        if (duplex) {
            RingDescriptor.initialize(region, base + PipeDescriptor.ringOffsetTo(1), PipeDescriptor.RING_CAPACITY);
        }
        return new Channels.Ends(new RingPipeEnd(region, 0, 0), new RingPipeEnd(region, 1, 0));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sending

    @Override
    public boolean send(Object message, long deadline) {
        MessageCodec.Encoded encoded = MessageCodec.encode(message);
        write(encoded.tag(), encoded.bytes(), 0, encoded.length());
        return true;
    }

    @Override
    public void sendBytes(byte[] bytes, int offset, int length) {
        write(MessageCodec.BYTES, bytes, offset, length);
    }

    private void write(int tag, byte[] bytes, int offset, int length) {
        enter();
        try {
            if (!region.hasHolds(1 - end)) {
                throw new PeerGoneException("broken pipe: the receiving end is closed");
            }
            outgoing.write(tag, bytes, offset, length, peerGone);
        } finally {
            hold.exit();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Receiving

    @Override
    public Object receive(long deadline) {
        MessageRing.Frame frame = read(deadline);
        return frame == null ? NOTHING : MessageCodec.decode(frame.tag(), frame.payload());
    }

    @Override
    public byte[] receiveBytes(long deadline) {
        MessageRing.Frame frame = read(deadline);
        return frame == null ? null : frame.payload();
    }

    private MessageRing.Frame read(long deadline) {
        enter();
        try {
            return incoming.read(deadline, peerGone);
        } finally {
            hold.exit();
        }
    }

    @Override
    public boolean poll(long deadline) {
        enter();
        try {
            if (Deadline.hasPassed(deadline)) {
                return incoming.hasData() || peerGone.getAsBoolean();
            }
            Backoff backoff = new Backoff(deadline);
            return backoff.await(() -> incoming.hasData() || backoff.slowCheckDue() && peerGone.getAsBoolean());
        } finally {
            hold.exit();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // State

    /**
     * Closes this copy of the end; the other end sees end-of-file once every copy is closed. The pipe's
     * memory is unmapped from this process once neither of its ends is open here and no call on them is
     * still running.
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
    public boolean isReadable() {
        return incoming != null;
    }

    @Override
    public boolean isWritable() {
        return outgoing != null;
    }

    @Override
    public Path path() {
        return region.path();
    }

    /** Begins an operation on the memory, which stays mapped until {@code hold.exit()}. */
    private void enter() {
        if (!hold.enter()) {
            throw new IllegalStateException("connection is closed (close() was called on this copy of the end)");
        }
    }

    @Override
    public Object transit(Rebuild<PipeEnd> rebuild) {
        int end = this.end;
        enter();
        try {
            return SharedHandle.of(region, end, (attached, senderPid) -> rebuild.around(new RingPipeEnd(attached, end, senderPid)));
        } finally {
            hold.exit();
        }
    }
}
