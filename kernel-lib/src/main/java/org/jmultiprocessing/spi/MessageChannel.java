package org.jmultiprocessing.spi;

/**
 * Messages from any number of senders to any number of receivers, each received once, in the order each
 * sender sent them: what a backend's queues and pipe ends are (and the pool's traffic will be). Messages are
 * objects, {@code null} included; whether the receiver sees a copy or the same object is the backend's
 * (a copy between processes, the object itself between threads).
 *
 * <p>After {@link #close()}, every call but {@code close} and {@code isClosed} throws an
 * {@link IllegalStateException} saying that the channel is closed.
 */
public interface MessageChannel {
    /** What {@link #receive} returns when no message came before its deadline (a message may be null itself). */
    Object NOTHING = new Object() {
        @Override
        public String toString() {
            return "NOTHING";
        }
    };

    /**
     * Sends a message, waiting until {@code deadline} (see {@link Deadline}) for room in a bounded channel;
     * returns false, having sent nothing, if there was none by then. Throws {@link PeerGoneException} when
     * nobody can receive it any more.
     */
    boolean send(Object message, long deadline);

    /**
     * Receives the next message, waiting until {@code deadline} for one; returns {@link #NOTHING} if none came
     * by then. Throws {@link PeerGoneException} when none is buffered and none can come any more.
     */
    Object receive(long deadline);

    /** Ends this holder's use of the channel (other holders are unaffected); idempotent. */
    void close();

    boolean isClosed();
}
