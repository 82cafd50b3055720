package org.jmultiprocessing.internal.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.MessageFormat;
import org.jmultiprocessing.spi.PeerGoneException;
import org.jmultiprocessing.spi.PipeEnd;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A connection over a stream socket in CPython's framing: each message is a 4-byte big-endian signed length
 * and its bytes; a length of -1 is followed by an 8-byte length, for messages over 2 GiB - 1 (only received:
 * no Java array is that long). {@code send} and {@code receive} turn objects into messages with a
 * {@link MessageFormat}.
 *
 * <p>The channel is non-blocking, waited on through selectors, so that a receive can have a deadline. What
 * arrives is kept in {@link #inbox} until a whole message is there: an interrupted or timed-out receive
 * loses nothing, and the next one goes on from the same place. A send interrupted halfway through a message
 * closes the connection, since the peer could only read garbage after it.
 */
final class SocketEnd implements PipeEnd {
    private static final int HEADER = 4;
    private static final int LONG_HEADER = HEADER + 8;
    private static final int FIRST_INBOX = 16 * 1024;
    /** The longest array a JVM allocates. */
    private static final long MAX_MESSAGE = Integer.MAX_VALUE - 8;

    private final SocketChannel channel;
    private final MessageFormat format;
    private final String peer;
    private final Object receiveLock = new Object();
    private final Object sendLock = new Object();
    private final Selector readable;
    private final Selector writable;
    /** Bytes received and not yet consumed, between position 0 and {@code position()}. */
    private ByteBuffer inbox = ByteBuffer.allocate(FIRST_INBOX);
    /** The peer closed its side: nothing more arrives beyond {@link #inbox}. */
    private boolean endOfStream;
    private volatile boolean closed;

    /** Takes over {@code channel} (connected, in blocking or non-blocking mode); {@code peer} names it in errors. */
    SocketEnd(SocketChannel channel, MessageFormat format, String peer) throws IOException {
        this.channel = channel;
        this.format = format;
        this.peer = peer;
        channel.configureBlocking(false);
        if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
            // Each message is one gathered write, so Nagle's delay would only hold back request-reply traffic.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        this.readable = Selector.open();
        try {
            this.writable = Selector.open();
        } catch (IOException e) {
            readable.close();
            throw e;
        }
        try {
            channel.register(readable, SelectionKey.OP_READ);
            channel.register(writable, SelectionKey.OP_WRITE);
        } catch (IOException e) {
            readable.close();
            writable.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sending

    @Override
    public boolean send(Object message, long deadline) {
        byte[] bytes = format.encode(message);
        sendBytes(bytes, 0, bytes.length);
        return true;
    }

    @Override
    public void sendBytes(byte[] bytes, int offset, int length) {
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(0, length);
        ByteBuffer[] frame = {header, ByteBuffer.wrap(bytes, offset, length)};
        synchronized (sendLock) {
            checkOpen();
            long total = HEADER + (long) length;
            long remaining = total;
            try {
                while (remaining > 0) {
                    long written = channel.write(frame);
                    remaining -= written;
                    if (written == 0) {
                        writable.select();
                        writable.selectedKeys().clear();
                        if (Thread.currentThread().isInterrupted()) {
                            throw interruptedSending(remaining < total);
                        }
                    }
                }
            } catch (IOException e) {
                checkOpen();
                throw closedByPeer(e) ? new PeerGoneException("broken pipe: " + peer + " closed the connection")
                        : new UncheckedIOException("cannot send to " + peer + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The end of a send that waited for room and was interrupted: the peer is not reading. Half a message
     * would leave the peer reading garbage, so then the connection is closed.
     */
    private CancellationException interruptedSending(boolean halfSent) {
        if (!halfSent) {
            return new CancellationException("interrupted while waiting to send to " + peer + " (it reads nothing)");
        }
        close();
        return new CancellationException("interrupted in the middle of sending a message to " + peer + " (it reads"
                + " nothing); the connection is closed, since the rest of that message cannot follow");
    }

    private static boolean closedByPeer(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("Connection reset");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Receiving

    @Override
    public Object receive(long deadline) {
        byte[] message = receiveBytes(deadline);
        return message == null ? NOTHING : format.decode(message);
    }

    @Override
    public byte[] receiveBytes(long deadline) {
        return receiveBytes(deadline, MAX_MESSAGE);
    }

    /**
     * The next message, waiting until {@code deadline}; null if it did not come whole by then. A message
     * longer than {@code maxLength} closes the connection and is an {@link UncheckedIOException}, as
     * Python's {@code recv_bytes(maxlength)}.
     */
    byte[] receiveBytes(long deadline, long maxLength) {
        synchronized (receiveLock) {
            checkOpen();
            while (true) {
                long length = bufferedMessageLength(maxLength);
                if (length >= 0) {
                    return take(length);
                }
                if (endOfStream) {
                    if (inbox.position() == 0) {
                        throw new PeerGoneException("end of file: " + peer + " closed the connection");
                    }
                    throw new UncheckedIOException(new IOException("got end of file during a message from " + peer
                            + " (" + inbox.position() + " bytes of it had arrived)"));
                }
                if (!fill(deadline)) {
                    return null;
                }
            }
        }
    }

    @Override
    public boolean poll(long deadline) {
        synchronized (receiveLock) {
            checkOpen();
            while (true) {
                if (bufferedMessageLength(MAX_MESSAGE) >= 0 || endOfStream) {
                    return true;
                }
                if (!fill(deadline)) {
                    return false;
                }
            }
        }
    }

    /**
     * The length of the message whole in the inbox, or -1 when it is not all there yet; makes room for it
     * when its header has come.
     */
    private long bufferedMessageLength(long maxLength) {
        int buffered = inbox.position();
        if (buffered < HEADER) {
            return -1;
        }
        long length = inbox.getInt(0);
        int headerLength = HEADER;
        if (length == -1) {
            if (buffered < LONG_HEADER) {
                return -1;
            }
            length = inbox.getLong(HEADER);
            headerLength = LONG_HEADER;
        }
        if (length < 0 || length > maxLength) {
            String what = length < 0 ? "a message header claiming " + length + " bytes"
                    : "a message of " + length + " bytes, longer than the " + maxLength + " allowed here";
            close();
            throw new UncheckedIOException(new IOException("bad message length: " + peer + " sent " + what
                    + "; the connection is closed"));
        }
        if (buffered - headerLength < length) {
            return -1;
        }
        return length;
    }

    /** Removes the first message, of {@code length} bytes, from the inbox. */
    private byte[] take(long length) {
        int headerLength = inbox.getInt(0) == -1 ? LONG_HEADER : HEADER;
        byte[] message = new byte[(int) length];
        inbox.flip();
        inbox.position(headerLength);
        inbox.get(message);
        inbox.compact();
        return message;
    }

    /**
     * Reads what has arrived into the inbox, waiting until {@code deadline} for something; returns false if
     * nothing came by then. End of stream counts as something.
     */
    private boolean fill(long deadline) {
        try {
            while (true) {
                if (!inbox.hasRemaining()) {
                    grow();
                }
                int read = channel.read(inbox);
                if (read < 0) {
                    endOfStream = true;
                    return true;
                }
                if (read > 0) {
                    return true;
                }
                if (Deadline.hasPassed(deadline)) {
                    return false;
                }
                long waitMillis = deadline == Deadline.FOREVER ? 0
                        : Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                readable.select(waitMillis);
                readable.selectedKeys().clear();
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("interrupted while waiting for a message from " + peer);
                }
            }
        } catch (IOException e) {
            checkOpen();
            if (closedByPeer(e)) {
                endOfStream = true;
                return true;
            }
            throw new UncheckedIOException("cannot receive from " + peer + ": " + e.getMessage(), e);
        }
    }

    /**
     * Doubles the inbox, which is full: up to what the message in it needs, so a header claiming more than
     * has arrived costs memory only as its bytes come.
     */
    private void grow() {
        long capacity = Math.min((long) inbox.capacity() * 2, MAX_MESSAGE + LONG_HEADER);
        if (capacity <= inbox.capacity()) {
            throw new UncheckedIOException(new IOException("a message from " + peer + " does not fit into a Java array"));
        }
        ByteBuffer bigger = ByteBuffer.allocate((int) capacity);
        inbox.flip();
        bigger.put(inbox);
        inbox = bigger;
    }

    // ---------------------------------------------------------------------------------------------------------
    // State

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeQuietly();
    }

    private void closeQuietly() {
        readable.wakeup();
        writable.wakeup();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket fails only when it is already broken, which is what closing wants
        }
        try {
            readable.close();
            writable.close();
        } catch (IOException ignored) {
            // as above
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isReadable() {
        return true;
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    /** The socket file of a Unix-domain connection this end dialled; null for TCP and for accepted ends. */
    @Override
    public Path path() {
        try {
            SocketAddress remote = channel.getRemoteAddress();
            return remote instanceof UnixDomainSocketAddress unix && !unix.getPath().toString().isEmpty() ? unix.getPath() : null;
        } catch (IOException | RuntimeException closedAlready) {
            return null;
        }
    }

    @Override
    public Object transit(Rebuild<PipeEnd> rebuild) {
        throw new NotTransferableException("a socket connection (to " + peer + ") cannot be sent to another process:"
                + " pass the listener's address and connect from there with Client.connect", null);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("connection is closed (close() was called on it)");
        }
    }

    @Override
    public String toString() {
        return peer;
    }
}
