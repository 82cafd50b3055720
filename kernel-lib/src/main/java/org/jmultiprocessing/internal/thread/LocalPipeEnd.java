package org.jmultiprocessing.internal.thread;

import java.nio.file.Path;
import java.util.Arrays;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.PipeEnd;
import org.jmultiprocessing.spi.Rebuild;

/**
 * One end of a pipe between threads of this JVM: it receives from one {@link LocalMailbox} and sends to the
 * other (a one-way pipe has one, which the first end receives from). Messages are passed as they are;
 * {@code sendBytes} copies its slice, since the caller may reuse the array.
 */
final class LocalPipeEnd implements PipeEnd {
    private final LocalMailbox incoming;
    private final LocalMailbox outgoing;
    private volatile boolean closed;

    private LocalPipeEnd(LocalMailbox incoming, LocalMailbox outgoing) {
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    static Channels.Ends createPipe(boolean duplex) {
        LocalMailbox toFirst = new LocalMailbox();
        if (!duplex) {
            return new Channels.Ends(new LocalPipeEnd(toFirst, null), new LocalPipeEnd(null, toFirst));
        }
        LocalMailbox toSecond = new LocalMailbox();
        return new Channels.Ends(new LocalPipeEnd(toFirst, toSecond), new LocalPipeEnd(toSecond, toFirst));
    }

    @Override
    public boolean send(Object message, long deadline) {
        checkOpen();
        outgoing.put(message);
        return true;
    }

    @Override
    public void sendBytes(byte[] bytes, int offset, int length) {
        checkOpen();
        outgoing.put(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    @Override
    public Object receive(long deadline) {
        checkOpen();
        return incoming.take(deadline);
    }

    /** A message sent as bytes as it was sent; any other in the encoded form a process pipe would carry. */
    @Override
    public byte[] receiveBytes(long deadline) {
        Object message = receive(deadline);
        if (message == NOTHING) {
            return null;
        }
        return message instanceof byte[] bytes ? bytes : MessageCodec.encode(message).bytes();
    }

    @Override
    public boolean poll(long deadline) {
        checkOpen();
        return incoming.poll(deadline);
    }

    /** Closes the end: the other end then sees end-of-file, and its sends a broken pipe. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (outgoing != null) {
            outgoing.closeSender();
        }
        if (incoming != null) {
            incoming.closeReceiver();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
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
        return null;
    }

    @Override
    public Object transit(Rebuild<PipeEnd> rebuild) {
        throw LocalQueue.notTransferable("Connection");
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("connection is closed (close() was called on this copy of the end)");
        }
    }
}
