package org.jmultiprocessing;

/**
 * Shared primitives without a lock (Python's {@code multiprocessing.RawValue}); see {@link Value}. Their
 * {@code getLock()} is an error, and their {@code addAndGet} is a lock-free atomic.
 */
public final class RawValue {
    private RawValue() {
    }

    public static Value.OfInt ofInt(int initial) {
        return new Value.OfInt(initial, false);
    }

    public static Value.OfLong ofLong(long initial) {
        return new Value.OfLong(initial, false);
    }

    public static Value.OfDouble ofDouble(double initial) {
        return new Value.OfDouble(initial, false);
    }

    public static Value.OfByte ofByte(byte initial) {
        return new Value.OfByte(initial, false);
    }

    public static Value.OfChar ofChar(char initial) {
        return new Value.OfChar(initial, false);
    }

    public static Value.OfBoolean ofBoolean(boolean initial) {
        return new Value.OfBoolean(initial, false);
    }
}
