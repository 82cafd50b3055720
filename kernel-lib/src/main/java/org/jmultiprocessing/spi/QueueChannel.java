package org.jmultiprocessing.spi;

import java.nio.file.Path;

/** A queue's channel: a {@link MessageChannel} that counts its messages (Python's {@code qsize}). */
public interface QueueChannel extends MessageChannel {
    /** Messages sent and not yet received, by every holder. */
    int size();

    /** The maximum size, 0 for unbounded. */
    int maxsize();

    /**
     * Waits until every message this holder sent has left its buffer (Python's {@code join_thread}); returns
     * at once for a channel that buffers nothing.
     */
    void flush();

    /** Lets this holder's process exit without flushing (Python's {@code cancel_join_thread}). */
    void cancelFlush();

    /** The file behind the channel, for diagnostics; null when it has none. */
    Path path();

    /**
     * The serialized form of this channel for another process: its receiver rebuilds the public object with
     * {@code rebuild} around its own copy of the channel. A backend whose channels cannot leave the JVM throws
     * an exception saying so.
     */
    Object transit(Rebuild<QueueChannel> rebuild);
}
