package org.jmultiprocessing;

/**
 * Shared primitives without a lock (Python's {@code multiprocessing.RawValue}); see {@link Value}. Their
 * {@code getLock()} is an error, and their {@code addAndGet} is a lock-free atomic.
 */
public final class RawValue {
    private RawValue() {
    }

    public static Value.OfInt ofInt(int initial) {
        return Context.defaultContext().rawValue().ofInt(initial);
    }

    public static Value.OfLong ofLong(long initial) {
        return Context.defaultContext().rawValue().ofLong(initial);
    }

    public static Value.OfDouble ofDouble(double initial) {
        return Context.defaultContext().rawValue().ofDouble(initial);
    }

    public static Value.OfByte ofByte(byte initial) {
        return Context.defaultContext().rawValue().ofByte(initial);
    }

    public static Value.OfChar ofChar(char initial) {
        return Context.defaultContext().rawValue().ofChar(initial);
    }

    public static Value.OfBoolean ofBoolean(boolean initial) {
        return Context.defaultContext().rawValue().ofBoolean(initial);
    }
}
