package org.jmultiprocessing;

/**
 * Shared primitives without a lock (Python's {@code multiprocessing.RawValue}); see {@link Value}. Their
 * {@code getLock()} is an error, and their {@code addAndGet} is a lock-free atomic.
 */
public final class RawValue {
    private RawValue() {
    }

    public static Value.OfInt ofInt(int initial) {
        return Value.createInt(initial, false);
    }

    public static Value.OfLong ofLong(long initial) {
        return Value.createLong(initial, false);
    }

    public static Value.OfDouble ofDouble(double initial) {
        return Value.createDouble(initial, false);
    }

    public static Value.OfByte ofByte(byte initial) {
        return Value.createByte(initial, false);
    }

    public static Value.OfChar ofChar(char initial) {
        return Value.createChar(initial, false);
    }

    public static Value.OfBoolean ofBoolean(boolean initial) {
        return Value.createBoolean(initial, false);
    }
}
