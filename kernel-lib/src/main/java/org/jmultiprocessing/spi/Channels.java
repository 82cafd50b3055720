package org.jmultiprocessing.spi;

/**
 * The queues and pipes of a backend: every one a {@link MessageChannel} (send a message, receive a message
 * with a deadline), with what its public class adds on top. Sizes arrive checked: {@code maxsize} is 0
 * (unbounded) or positive.
 */
public interface Channels {
    /** A {@code Queue}: buffered, so {@code send} on an unbounded queue never waits. */
    QueueChannel queue(int maxsize);

    /** A {@code JoinableQueue}: a queue that also counts unfinished tasks. */
    JoinableQueueChannel joinableQueue(int maxsize);

    /** A {@code SimpleQueue}: unbounded and unbuffered, {@code send} writes the message itself. */
    QueueChannel simpleQueue();

    /** The two ends of a {@code Pipe}; on a one-way pipe the first only receives and the second only sends. */
    Ends pipe(boolean duplex);

    /** The two connected ends of a pipe. */
    record Ends(PipeEnd first, PipeEnd second) {
    }
}
