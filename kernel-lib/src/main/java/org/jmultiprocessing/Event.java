package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.SyncDescriptor.*;

import java.io.Serializable;
import java.time.Duration;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.internal.shm.Backoff;
import org.jmultiprocessing.internal.shm.RegionDescriptor;
import org.jmultiprocessing.internal.shm.SharedHandle;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A flag that threads and processes can wait for (Python's {@code multiprocessing.Event}). Python's
 * {@code wait(timeout)} is {@link #await(double)} here, because {@code wait} is a final method of every Java
 * object.
 */
public final class Event implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient SharedRegion region;
    private final transient int flag;

    public Event() {
        this.region = SharedRegion.create("event", EVENT_LENGTH);
        this.flag = RegionDescriptor.HEADER_LENGTH + EVENT_FLAG_OFFSET;
        region.holdUntilCollected(this, 0);
    }

    private Event(SharedRegion region, long senderPid) {
        this.region = region;
        this.flag = RegionDescriptor.HEADER_LENGTH + EVENT_FLAG_OFFSET;
        region.acceptTransitUntilCollected(this, 0, senderPid);
    }

    /** Sets the flag, releasing every waiter. */
    public void set() {
        region.putIntVolatile(flag, 1);
    }

    /** Clears the flag. */
    public void clear() {
        region.putIntVolatile(flag, 0);
    }

    /** Python's {@code is_set()}. */
    public boolean isSet() {
        return region.getIntVolatile(flag) == 1;
    }

    /** Waits until the flag is set (Python's {@code wait()}); returns true. */
    public boolean await() {
        return awaitUntil(Deadline.FOREVER);
    }

    /** Waits at most {@code timeoutSeconds} for the flag (Python's {@code wait(timeout)}); returns the flag. */
    public boolean await(double timeoutSeconds) {
        return awaitUntil(Deadline.deadlineAfterSeconds(timeoutSeconds));
    }

    /** Waits at most {@code timeout} for the flag; returns the flag. */
    public boolean await(Duration timeout) {
        return awaitUntil(Deadline.deadlineAfter(timeout));
    }

    private boolean awaitUntil(long deadline) {
        return new Backoff(deadline).await(this::isSet);
    }

    @Override
    public String toString() {
        return "Event(" + (isSet() ? "set" : "unset") + ")";
    }

    Object writeReplace() {
        return SharedHandle.of(region, 0, Event::new);
    }
}
