package org.jmultiprocessing;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.jmultiprocessing.internal.connection.Readiness;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.PeerGoneException;
import org.jmultiprocessing.spi.PipeEnd;

/**
 * One end of a {@link Pipe}, or a socket connection from {@link Listener#accept()} or {@link Client#connect}
 * (Python's {@code multiprocessing.connection.Connection}). Messages keep their boundaries; numbers,
 * strings, {@code byte[]}, {@code double[]}, {@code int[]}, {@code long[]} and {@code null} are copied
 * directly, anything else must be {@link Serializable}. {@code send} waits only when the pipe's buffer (1 MiB) is full.
 *
 * <p>Python names map as: {@code send_bytes} → {@link #sendBytes}, {@code recv_bytes} → {@link #recvBytes},
 * {@code recv_bytes_into} → {@link #recvBytesInto}, {@code EOFError} → {@link EOF}. Pass a connection to a
 * child process as a {@code Process} argument; close the copies you do not use so the reader sees
 * end-of-file.
 *
 * <p>One connection should be used by one thread at a time, as in Python (it is safe, but messages of
 * concurrent senders interleave in no particular order).
 *
 * <p>An end of a pipe of the thread context ({@code Multiprocessing.getContext("thread").pipe()}) passes
 * messages as they are (the same objects; {@code sendBytes} copies its bytes), never waits in {@code send},
 * and cannot be passed to a child JVM; end-of-file comes once the other end is closed.
 *
 * <p>A socket connection carries its messages in Python's framing, {@code send} waits only while the
 * socket's buffers are full, and end-of-file comes once the peer closes it or exits. It cannot be passed to
 * a child process: pass the listener's address and connect from there.
 *
 * <p>{@link #wait(Collection, double)} is Python's {@code multiprocessing.connection.wait}: which of several
 * connections, queues and {@link Process#sentinel() sentinels} are ready.
 */
public final class Connection implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;
    /** Why a peer goes, added to the backend's message of a closed end. */
    private static final String PEER_GONE = " (every copy of the other end was closed or its process exited)";

    private final transient PipeEnd channel;
    /** What {@link #end} is for a socket connection, which belongs to no pipe. */
    static final int SOCKET = -1;

    /** 0 for {@code conn1}, 1 for {@code conn2}, {@link #SOCKET} for a socket connection. */
    private final transient int end;
    private final transient boolean readable;
    private final transient boolean writable;

    /** The end around {@code channel}: a new one, or this process's copy of one received. */
    Connection(PipeEnd channel, int end) {
        this.channel = channel;
        this.end = end;
        this.readable = channel.isReadable();
        this.writable = channel.isWritable();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sending

    /** Sends one message. Throws {@link UncheckedIOException} (broken pipe) if the other end is gone. */
    public void send(Object message) {
        checkWritable();
        try {
            channel.send(message, Deadline.FOREVER);
        } catch (PeerGoneException e) {
            throw brokenPipe(e);
        }
    }

    /** Sends the bytes as one message. */
    public void sendBytes(byte[] buf) {
        sendBytes(buf, 0, buf.length);
    }

    /** Sends {@code size} bytes of {@code buf} from {@code offset} as one message. */
    public void sendBytes(byte[] buf, int offset, int size) {
        Objects.checkFromIndexSize(offset, size, buf.length);
        checkWritable();
        try {
            channel.sendBytes(buf, offset, size);
        } catch (PeerGoneException e) {
            throw brokenPipe(e);
        }
    }

    private void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("this connection is receive-only (conn1 of a one-way Pipe): send on conn2");
        }
    }

    private static UncheckedIOException brokenPipe(PeerGoneException e) {
        return new UncheckedIOException(new IOException(e.getMessage() + PEER_GONE));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Receiving

    /** Receives the next message, waiting for it; throws {@link EOF} when the other end is gone. */
    public Object recv() {
        checkReadable();
        try {
            return channel.receive(Deadline.FOREVER);
        } catch (PeerGoneException e) {
            throw new EOF(e.getMessage() + PEER_GONE);
        }
    }

    /** Receives the next message as its bytes (a {@code sendBytes} message, as it was sent). */
    public byte[] recvBytes() {
        checkReadable();
        try {
            return channel.receiveBytes(Deadline.FOREVER);
        } catch (PeerGoneException e) {
            throw new EOF(e.getMessage() + PEER_GONE);
        }
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

    /** True when a message is waiting, or when {@code recv} would raise {@link EOF} at once. Never waits. */
    public boolean poll() {
        checkReadable();
        return channel.poll(System.nanoTime());
    }

    /** Waits at most {@code timeoutSeconds} for {@link #poll()} to become true. */
    public boolean poll(double timeoutSeconds) {
        long deadline = Deadline.deadlineAfterSeconds(timeoutSeconds);
        checkReadable();
        return channel.poll(deadline);
    }

    /** Waits at most {@code timeout} for {@link #poll()} to become true. */
    public boolean poll(Duration timeout) {
        long deadline = Deadline.deadlineAfter(timeout);
        checkReadable();
        return channel.poll(deadline);
    }

    private void checkReadable() {
        if (!readable) {
            throw new IllegalStateException("this connection is send-only (conn2 of a one-way Pipe): receive on conn1");
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
        channel.close();
    }

    public boolean isClosed() {
        return channel.isClosed();
    }

    public boolean isReadable() {
        return readable;
    }

    public boolean isWritable() {
        return writable;
    }

    /**
     * The file behind this connection, for diagnostics: a pipe's shared-memory file, or the socket file a
     * {@link Client} connection to a Unix-domain listener dialled; null for a pipe of the thread context, a
     * TCP connection and an accepted one.
     */
    public Path path() {
        return channel.path();
    }

    @Override
    public String toString() {
        return "Connection(" + (end == SOCKET ? channel.toString() : "end " + (end + 1)) + (isReadable() ? ", readable" : "") + (isWritable() ? ", writable" : "")
                + (isClosed() ? ", closed" : "") + ")";
    }

    Object writeReplace() {
        int end = this.end;
        return channel.transit(received -> new Connection(received, end));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Waiting on several

    /** Waits, as long as it takes, until one of {@code objects} is ready: see {@link #wait(Collection, double)}. */
    public static <T> List<T> wait(Collection<? extends T> objects) {
        return waitUntil(objects, Deadline.FOREVER);
    }

    /**
     * Python's {@code multiprocessing.connection.wait(object_list, timeout)}: waits at most
     * {@code timeoutSeconds} until at least one of {@code objects} is ready, and returns the ready ones in
     * their order (none when the time ran out). Ready means: a {@link Connection} has a message or end-of-file
     * waiting ({@link #poll()}); a {@link Process#sentinel()} belongs to a process that has ended; a
     * {@link Queue} or {@link SimpleQueue} is not empty. Anything else is an {@link IllegalArgumentException}.
     *
     * <pre>{@code
     * var sentinels = List.of(p1.sentinel(), p2.sentinel());
     * var ended = Connection.wait(sentinels, 5.0);    // whichever child ends first
     * }</pre>
     */
    public static <T> List<T> wait(Collection<? extends T> objects, double timeoutSeconds) {
        return waitUntil(objects, Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    /** As {@link #wait(Collection, double)}, with the timeout as a {@link Duration}. */
    public static <T> List<T> wait(Collection<? extends T> objects, Duration timeout) {
        return waitUntil(objects, Deadline.deadlineAfter(timeout));
    }

    private static <T> List<T> waitUntil(Collection<? extends T> objects, long deadline) {
        List<T> candidates = new ArrayList<>(objects);
        List<BooleanSupplier> checks = new ArrayList<>(candidates.size());
        for (T object : candidates) {
            checks.add(readiness(object));
        }
        List<T> ready = new ArrayList<>();
        for (int i : Readiness.await(checks, deadline)) {
            ready.add(candidates.get(i));
        }
        return ready;
    }

    private static BooleanSupplier readiness(Object object) {
        if (object instanceof Connection connection) {
            connection.checkReadable();
            return connection::poll;
        }
        if (object instanceof Process.Sentinel sentinel) {
            return sentinel::ended;
        }
        if (object instanceof Queue<?> queue) {
            return () -> !queue.empty();
        }
        if (object instanceof SimpleQueue<?> queue) {
            return () -> !queue.empty();
        }
        throw new IllegalArgumentException("cannot wait on " + (object == null ? "null" : "a " + object.getClass().getName())
                + ": wait takes Connections, Process sentinels (process.sentinel()), Queues and SimpleQueues");
    }

    /** Thrown by {@code recv} when nothing more can arrive (Python's {@code EOFError}). */
    public static final class EOF extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        public EOF(String message) {
            super(message, new java.io.EOFException(message));
        }
    }
}
