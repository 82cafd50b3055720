package org.jmultiprocessing.spi;

import java.nio.file.Path;

/**
 * One end of a pipe: a {@link MessageChannel} whose sends go to the other end. It sends and receives
 * without deadline ({@code send} ignores it; room in the pipe always comes, or the peer goes). When the
 * other end is gone (every copy closed, or its process exited), {@code send} throws
 * {@link PeerGoneException} and {@code receive} does too once nothing is buffered.
 *
 * <p>Called only in the directions the end supports ({@link #isReadable()}, {@link #isWritable()}).
 */
public interface PipeEnd extends MessageChannel {
    /** Sends {@code length} bytes of {@code bytes} from {@code offset} as one message, copied before it returns. */
    void sendBytes(byte[] bytes, int offset, int length);

    /**
     * Receives the next message as bytes (a {@code sendBytes} message as it was sent, any other message in its
     * encoded form), waiting until {@code deadline}; null if none came by then.
     */
    byte[] receiveBytes(long deadline);

    /**
     * Waits until {@code deadline} for a message to be buffered or the other end to be gone (so that
     * {@code receive} would not wait); returns whether that happened. A deadline already passed still checks.
     */
    boolean poll(long deadline);

    boolean isReadable();

    boolean isWritable();

    /** The file behind the pipe, for diagnostics; null when it has none. */
    Path path();

    /** The serialized form of this end for another process (see {@link QueueChannel#transit}). */
    Object transit(Rebuild<PipeEnd> rebuild);
}
