package org.jmultiprocessing;

/**
 * Shared primitive arrays without a lock (Python's {@code multiprocessing.RawArray}); see {@link Array}.
 * Their {@code getLock()} is an error.
 */
public final class RawArray {
    private RawArray() {
    }

    /** A shared int array of {@code length} zeros without a lock. */
    public static Array.OfInt ofInts(int length) {
        return Context.defaultContext().rawArray().ofInts(length);
    }

    /** A shared int array holding a copy of {@code values}, without a lock. */
    public static Array.OfInt ofInts(int... values) {
        return Context.defaultContext().rawArray().ofInts(values);
    }

    /** A shared long array of {@code length} zeros without a lock. */
    public static Array.OfLong ofLongs(int length) {
        return Context.defaultContext().rawArray().ofLongs(length);
    }

    /** A shared long array holding a copy of {@code values}, without a lock. */
    public static Array.OfLong ofLongs(long... values) {
        return Context.defaultContext().rawArray().ofLongs(values);
    }

    /** A shared double array of {@code length} zeros without a lock. */
    public static Array.OfDouble ofDoubles(int length) {
        return Context.defaultContext().rawArray().ofDoubles(length);
    }

    /** A shared double array holding a copy of {@code values}, without a lock. */
    public static Array.OfDouble ofDoubles(double... values) {
        return Context.defaultContext().rawArray().ofDoubles(values);
    }

    /** A shared byte array of {@code length} zeros without a lock. */
    public static Array.OfByte ofBytes(int length) {
        return Context.defaultContext().rawArray().ofBytes(length);
    }

    /** A shared byte array holding a copy of {@code values}, without a lock. */
    public static Array.OfByte ofBytes(byte... values) {
        return Context.defaultContext().rawArray().ofBytes(values);
    }

    /** A shared char array of {@code length} zeros without a lock. */
    public static Array.OfChar ofChars(int length) {
        return Context.defaultContext().rawArray().ofChars(length);
    }

    /** A shared char array holding a copy of {@code values}, without a lock. */
    public static Array.OfChar ofChars(char... values) {
        return Context.defaultContext().rawArray().ofChars(values);
    }

    /** A shared boolean array of {@code length} zeros without a lock. */
    public static Array.OfBoolean ofBooleans(int length) {
        return Context.defaultContext().rawArray().ofBooleans(length);
    }

    /** A shared boolean array holding a copy of {@code values}, without a lock. */
    public static Array.OfBoolean ofBooleans(boolean... values) {
        return Context.defaultContext().rawArray().ofBooleans(values);
    }
}
