package org.jmultiprocessing.spi;

import java.time.Duration;

/**
 * Deadlines of timed waits as every backend receives them: an absolute {@link System#nanoTime()}, or
 * {@link #FOREVER}. The public classes turn Python's timeouts in seconds, and {@link Duration}s, into
 * deadlines, rejecting what Python rejects, so a backend only compares clocks.
 */
public final class Deadline {
    /** No deadline: wait as long as it takes. */
    public static final long FOREVER = Long.MAX_VALUE;

    private Deadline() {
    }

    /** The deadline for waiting {@code timeoutNanos} from now; negative means forever. */
    public static long deadlineAfter(long timeoutNanos) {
        if (timeoutNanos < 0) {
            return FOREVER;
        }
        long now = System.nanoTime();
        long deadline = now + timeoutNanos;
        return deadline - now < 0 ? FOREVER : deadline;
    }

    /** The deadline for a Python-style timeout in seconds (see {@link #toNanos(double)}). */
    public static long deadlineAfterSeconds(double timeoutSeconds) {
        return deadlineAfter(toNanos(timeoutSeconds));
    }

    /** The deadline for waiting {@code timeout} from now. */
    public static long deadlineAfter(Duration timeout) {
        return deadlineAfter(toNanos(timeout));
    }

    /** True once {@code deadline} has passed; never for {@link #FOREVER}. */
    public static boolean hasPassed(long deadline) {
        return deadline != FOREVER && System.nanoTime() - deadline >= 0;
    }

    /** Converts a Python-style timeout in seconds, rejecting what Python rejects. */
    public static long toNanos(double timeoutSeconds) {
        if (Double.isNaN(timeoutSeconds) || timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeout must be a non-negative number of seconds, got " + timeoutSeconds);
        }
        return timeoutSeconds >= Long.MAX_VALUE / 1e9 ? Long.MAX_VALUE : (long) (timeoutSeconds * 1e9);
    }

    /** Converts a timeout, rejecting a negative one. */
    public static long toNanos(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

}
