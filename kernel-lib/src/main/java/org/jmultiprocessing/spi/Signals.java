package org.jmultiprocessing.spi;

/**
 * The events and barriers of a backend: the mechanism behind {@code Event} and {@code Barrier}, which keep
 * Python's semantics (timeouts, {@code Barrier.Broken} and its messages) and call only these interfaces.
 */
public interface Signals {
    /** A new flag, clear, for an {@code Event}. */
    Flag event();

    /** A new barrier state for {@code parties} parties (at least 1, checked by {@code Barrier}). */
    Rendezvous barrier(int parties);

    /** A flag that parties wait for: the state of an {@code Event}. */
    interface Flag {
        void set();

        void clear();

        boolean isSet();

        /**
         * Waits until the flag is set or the {@link Deadline} passes; returns the flag. An interrupt of the
         * waiting thread ends the wait with a {@link java.util.concurrent.CancellationException}, the
         * interrupt flag kept.
         */
        boolean awaitUntil(long deadline);

        /**
         * The serialized form of the flag: the receiving process passes its copy to {@code rebuild}. A
         * backend whose flags cannot leave this JVM throws {@code NotTransferableException} saying so.
         */
        Object transit(Rebuild<Flag> rebuild);
    }

    /**
     * The state of a {@code Barrier}, shared by its parties: generations (completed or reset cycles), the
     * parties arrived in the current one, and a broken flag. Waiters of a generation leave when it ends
     * (released, unless a reset ended it) or when the barrier breaks.
     */
    interface Rendezvous {
        /** {@link #await} outcome: the barrier was broken when this party arrived. */
        int BROKEN = -1;
        /** {@link #await} outcome: the barrier broke (abort, failed action, another's timeout) while waiting. */
        int BROKEN_WHILE_WAITING = -2;
        /** {@link #await} outcome: the barrier was reset while this party waited. */
        int RESET_WHILE_WAITING = -3;
        /** {@link #await} outcome: the deadline passed before all parties arrived; the barrier is now broken. */
        int TIMED_OUT = -4;

        /** The number of parties, fixed at creation. */
        int parties();

        /**
         * Arrives and waits for the other parties until the {@link Deadline}: returns this party's arrival
         * index (0 for the first), or one of the negative outcomes above. The last party to arrive runs
         * {@code action} (may be null) before releasing the others, with no other party inside the barrier's
         * bookkeeping; if it throws, the barrier is broken and the exception propagates unchanged. An
         * interrupt of the waiting thread ends the wait with a {@link java.util.concurrent.CancellationException}.
         */
        int await(long deadline, Runnable action);

        /** Ends the current generation if parties wait or the barrier is broken; those waiting see a reset. */
        void reset();

        /** Breaks the barrier until {@link #reset()}. */
        void abort();

        /** Parties waiting in the current generation (whether or not the barrier is broken). */
        int arrived();

        boolean isBroken();

        /** The serialized form of the barrier (see {@link Flag#transit}). */
        Object transit(Rebuild<Rendezvous> rebuild);
    }
}
