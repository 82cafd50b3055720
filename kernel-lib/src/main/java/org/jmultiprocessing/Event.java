package org.jmultiprocessing;

import java.io.Serializable;
import java.time.Duration;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.Signals;

/**
 * A flag that threads and processes can wait for (Python's {@code multiprocessing.Event}). Python's
 * {@code wait(timeout)} is {@link #await(double)} here, because {@code wait} is a final method of every Java
 * object.
 *
 * <p>{@code new Event()} is the default context's, {@code ctx.event()} a given {@link Context}'s; an event of
 * the thread context cannot be sent to another process.
 */
public final class Event implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient Signals.Flag flag;

    public Event() {
        this(Context.defaultContext());
    }

    Event(Context context) {
        this(context.backend().signals().event());
    }

    private Event(Signals.Flag flag) {
        this.flag = flag;
    }

    /** Sets the flag, releasing every waiter. */
    public void set() {
        flag.set();
    }

    /** Clears the flag. */
    public void clear() {
        flag.clear();
    }

    /** Python's {@code is_set()}. */
    public boolean isSet() {
        return flag.isSet();
    }

    /** Waits until the flag is set (Python's {@code wait()}); returns true. */
    public boolean await() {
        return flag.awaitUntil(Deadline.FOREVER);
    }

    /** Waits at most {@code timeoutSeconds} for the flag (Python's {@code wait(timeout)}); returns the flag. */
    public boolean await(double timeoutSeconds) {
        return flag.awaitUntil(Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    /** Waits at most {@code timeout} for the flag; returns the flag. */
    public boolean await(Duration timeout) {
        return flag.awaitUntil(Deadline.deadlineAfter(timeout));
    }

    @Override
    public String toString() {
        return "Event(" + (isSet() ? "set" : "unset") + ")";
    }

    Object writeReplace() {
        return flag.transit(Event::new);
    }
}
