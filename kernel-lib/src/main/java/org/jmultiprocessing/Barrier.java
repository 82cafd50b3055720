package org.jmultiprocessing;

import java.io.Serializable;
import java.time.Duration;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.Signals;

/**
 * A barrier for a fixed number of parties, threads or processes (Python's {@code multiprocessing.Barrier}):
 * each calls {@link #await()} (Python's {@code wait()}, renamed because {@code wait} is final on every Java
 * object) and all are released together once the last arrives; then the barrier can be used again.
 *
 * <p>The optional action runs in the last party to arrive, before the others are released. A timeout, an
 * {@link #abort()}, a failing action or a {@link #reset()} while parties wait breaks the barrier: every
 * waiter, and every later {@code await} until {@code reset()}, gets {@link Broken} (Python's
 * {@code BrokenBarrierError}).
 *
 * <p>{@code new Barrier(parties)} is the default context's, {@code ctx.barrier(parties)} a given
 * {@link Context}'s; a barrier of the thread context cannot be sent to another process.
 */
public final class Barrier implements Serializable {
    private static final long serialVersionUID = 1L;

    /** An action run by the last party to arrive; serializable so the barrier can go to child processes. */
    @FunctionalInterface
    public interface Action extends Runnable, Serializable {
    }

    private final transient Signals.Rendezvous state;
    private final transient Action action;
    /** The action as the backend runs it: a failure becomes {@link Broken}; null without an action. */
    private final transient Runnable guardedAction;
    private final transient long defaultTimeoutNanos;

    public Barrier(int parties) {
        this(Context.defaultContext(), parties, null);
    }

    public Barrier(int parties, Action action) {
        this(Context.defaultContext(), parties, action);
    }

    /** A barrier whose {@code await()} gives up after {@code timeoutSeconds} by default. */
    public Barrier(int parties, Action action, double timeoutSeconds) {
        this(Context.defaultContext(), parties, action, timeoutSeconds);
    }

    public Barrier(int parties, Action action, Duration timeout) {
        this(Context.defaultContext(), parties, action, timeout);
    }

    Barrier(Context context, int parties, Action action) {
        this(context, parties, action, -1L);
    }

    Barrier(Context context, int parties, Action action, double timeoutSeconds) {
        this(context, parties, action, timeoutSeconds < 0 ? -1L : Deadline.toNanos(timeoutSeconds));
    }

    Barrier(Context context, int parties, Action action, Duration timeout) {
        this(context, parties, action, Deadline.toNanos(timeout));
    }

    /** @param defaultTimeoutNanos the timeout of {@link #await()}; negative for none */
    private Barrier(Context context, int parties, Action action, long defaultTimeoutNanos) {
        this(newState(context, parties), action, defaultTimeoutNanos);
    }

    private Barrier(Signals.Rendezvous state, Action action, long defaultTimeoutNanos) {
        this.state = state;
        this.action = action;
        this.guardedAction = action == null ? null : () -> {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                throw new Broken("the barrier action failed: " + e, e);
            }
        };
        this.defaultTimeoutNanos = defaultTimeoutNanos;
    }

    private static Signals.Rendezvous newState(Context context, int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least 1 party, got " + parties);
        }
        return context.backend().signals().barrier(parties);
    }

    /** Waits for all parties, with the barrier's default timeout; returns this party's arrival index. */
    public int await() {
        return awaitUntil(Deadline.deadlineAfter(defaultTimeoutNanos));
    }

    /** Waits at most {@code timeoutSeconds} for all parties; returns the arrival index (0 for the first). */
    public int await(double timeoutSeconds) {
        return awaitUntil(Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    public int await(Duration timeout) {
        return awaitUntil(Deadline.deadlineAfter(timeout));
    }

    private int awaitUntil(long deadline) {
        int index = state.await(deadline, guardedAction);
        switch (index) {
            case Signals.Rendezvous.BROKEN:
                throw new Broken("barrier is broken (aborted, timed out or its action failed); reset() it first");
            case Signals.Rendezvous.BROKEN_WHILE_WAITING:
                throw new Broken("barrier was broken while waiting (aborted, timed out or its action failed)");
            case Signals.Rendezvous.RESET_WHILE_WAITING:
                throw new Broken("barrier was reset while waiting");
            case Signals.Rendezvous.TIMED_OUT:
                throw new Broken("barrier timed out waiting for " + parties() + " parties; it is now broken");
            default:
                return index;
        }
    }

    /** Returns the barrier to its initial state; parties waiting now get {@link Broken}. */
    public void reset() {
        state.reset();
    }

    /** Breaks the barrier: waiting and future parties get {@link Broken} until {@link #reset()}. */
    public void abort() {
        state.abort();
    }

    public int parties() {
        return state.parties();
    }

    /** Parties waiting now (Python's {@code n_waiting}). */
    public int nWaiting() {
        return isBroken() ? 0 : state.arrived();
    }

    /** Python's {@code broken}. */
    public boolean isBroken() {
        return state.isBroken();
    }

    @Override
    public String toString() {
        return "Barrier(parties=" + parties() + ", waiting=" + nWaiting() + (isBroken() ? ", broken" : "") + ")";
    }

    Object writeReplace() {
        Action action = this.action;
        long defaultTimeoutNanos = this.defaultTimeoutNanos;
        return state.transit(received -> new Barrier(received, action, defaultTimeoutNanos));
    }

    /** Thrown to every party of a broken barrier (Python's {@code threading.BrokenBarrierError}). */
    public static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Broken(String message) {
            super(message);
        }

        public Broken(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
