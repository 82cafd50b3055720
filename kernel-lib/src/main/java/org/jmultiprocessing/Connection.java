package org.jmultiprocessing;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.internal.shm.Backoff;
import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.internal.shm.MessageRing;
import org.jmultiprocessing.internal.shm.PipeDescriptor;
import org.jmultiprocessing.internal.shm.RegionDescriptor;
import org.jmultiprocessing.internal.shm.SharedHandle;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * One end of a {@link Pipe} (Python's {@code multiprocessing.connection.Connection}). Messages keep their
 * boundaries; numbers, strings, byte arrays and {@code null} are copied directly, anything else must be
 * {@link Serializable}. {@code send} waits only when the pipe's buffer (1 MiB) is full.
 *
 * <p>Python names map as: {@code send_bytes} → {@link #sendBytes}, {@code recv_bytes} → {@link #recvBytes},
 * {@code recv_bytes_into} → {@link #recvBytesInto}, {@code EOFError} → {@link EOF}. Pass a connection to a
 * child process as a {@code Process} argument; close the copies you do not use so the reader sees
 * end-of-file.
 *
 * <p>One connection should be used by one thread at a time, as in Python (it is safe, but messages of
 * concurrent senders interleave in no particular order).
 */
public final class Connection implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;

    private final transient SharedRegion region;
    private final transient int end;
    private final transient SharedRegion.Hold hold;
    private final transient MessageRing incoming;
    private final transient MessageRing outgoing;
    private final transient BooleanSupplier peerGone;

    /** A fresh end of a pipe just created in this process. */
    Connection(SharedRegion region, int end) {
        this(region, end, 0);
    }

    /** An end received from {@code senderPid}, or (0) a fresh one. */
    private Connection(SharedRegion region, int end, long senderPid) {
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

    // ---------------------------------------------------------------------------------------------------------
    // Sending

    /** Sends one message. Throws {@link UncheckedIOException} (broken pipe) if the other end is gone. */
    public void send(Object message) {
        MessageCodec.Encoded encoded = MessageCodec.encode(message);
        write(encoded.tag(), encoded.bytes(), 0, encoded.length());
    }

    /** Sends the bytes as one message. */
    public void sendBytes(byte[] buf) {
        sendBytes(buf, 0, buf.length);
    }

    /** Sends {@code size} bytes of {@code buf} from {@code offset} as one message. */
    public void sendBytes(byte[] buf, int offset, int size) {
        Objects.checkFromIndexSize(offset, size, buf.length);
        write(MessageCodec.BYTES, buf, offset, size);
    }

    private void write(int tag, byte[] bytes, int offset, int length) {
        if (outgoing == null) {
            throw new IllegalStateException("this connection is receive-only (conn1 of a one-way Pipe): send on conn2");
        }
        enter();
        try {
            if (!region.hasHolds(1 - end)) {
                throw new MessageRing.PeerGoneException("broken pipe: the receiving end is closed");
            }
            outgoing.write(tag, bytes, offset, length, peerGone);
        } catch (MessageRing.PeerGoneException e) {
            throw new UncheckedIOException(new IOException(e.getMessage()
                    + " (every copy of the other end was closed or its process exited)"));
        } finally {
            hold.exit();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Receiving

    /** Receives the next message, waiting for it; throws {@link EOF} when the other end is gone. */
    public Object recv() {
        MessageRing.Frame frame = read();
        return MessageCodec.decode(frame.tag(), frame.payload());
    }

    /** Receives the next message as its bytes (a {@code sendBytes} message, as it was sent). */
    public byte[] recvBytes() {
        return read().payload();
    }

    /**
     * Receives the next message as bytes; a message longer than {@code maxLength} is an
     * {@link IllegalStateException} (it is consumed).
     */
    public byte[] recvBytes(int maxLength) {
        byte[] bytes = recvBytes();
        if (bytes.length > maxLength) {
            throw new IllegalStateException("message of " + bytes.length + " bytes is longer than maxLength " + maxLength);
        }
        return bytes;
    }

    /**
     * Receives the next message into {@code buf} at {@code offset} and returns its length; a buffer too
     * short for it is an {@link IllegalArgumentException} (Python's {@code BufferTooShort}; the message is
     * consumed).
     */
    public int recvBytesInto(byte[] buf, int offset) {
        Objects.checkIndex(offset, buf.length + 1);
        byte[] bytes = recvBytes();
        if (bytes.length > buf.length - offset) {
            throw new IllegalArgumentException("buffer too short: message has " + bytes.length + " bytes, room for "
                    + (buf.length - offset));
        }
        System.arraycopy(bytes, 0, buf, offset, bytes.length);
        return bytes.length;
    }

    private MessageRing.Frame read() {
        enterReadable();
        try {
            return incoming.read(Deadline.FOREVER, peerGone);
        } catch (MessageRing.PeerGoneException e) {
            throw new EOF(e.getMessage() + " (every copy of the other end was closed or its process exited)");
        } finally {
            hold.exit();
        }
    }

    /** True when a message is waiting, or when {@code recv} would raise {@link EOF} at once. Never waits. */
    public boolean poll() {
        enterReadable();
        try {
            return incoming.hasData() || peerGone.getAsBoolean();
        } finally {
            hold.exit();
        }
    }

    /** Waits at most {@code timeoutSeconds} for {@link #poll()} to become true. */
    public boolean poll(double timeoutSeconds) {
        return pollUntil(Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    /** Waits at most {@code timeout} for {@link #poll()} to become true. */
    public boolean poll(Duration timeout) {
        return pollUntil(Deadline.deadlineAfter(timeout));
    }

    private boolean pollUntil(long deadline) {
        enterReadable();
        try {
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
     * still running; every later call on this copy is an {@link IllegalStateException}.
     */
    @Override
    public void close() {
        hold.release();
    }

    public boolean isClosed() {
        return hold.isReleased();
    }

    public boolean isReadable() {
        return incoming != null;
    }

    public boolean isWritable() {
        return outgoing != null;
    }

    /** Begins an operation on the memory, which stays mapped until {@code hold.exit()}. */
    private void enter() {
        if (!hold.enter()) {
            throw new IllegalStateException("connection is closed (close() was called on this copy of the end)");
        }
    }

    private void enterReadable() {
        if (incoming == null) {
            throw new IllegalStateException("this connection is send-only (conn2 of a one-way Pipe): receive on conn1");
        }
        enter();
    }

    /** The shared-memory file behind this pipe, for diagnostics. */
    public Path path() {
        return region.path();
    }

    @Override
    public String toString() {
        return "Connection(end " + (end + 1) + (isReadable() ? ", readable" : "") + (isWritable() ? ", writable" : "")
                + (isClosed() ? ", closed" : "") + ")";
    }

    Object writeReplace() {
        int end = this.end;
        enter();
        try {
            return SharedHandle.of(region, end, (attached, senderPid) -> new Connection(attached, end, senderPid));
        } finally {
            hold.exit();
        }
    }

    /** Thrown by {@code recv} when nothing more can arrive (Python's {@code EOFError}). */
    public static final class EOF extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        public EOF(String message) {
            super(message, new java.io.EOFException(message));
        }
    }
}
