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
        return new Array.OfInt(length, false);
    }

    /** A shared int array holding a copy of {@code values}, without a lock. */
    public static Array.OfInt ofInts(int... values) {
        return new Array.OfInt(values, false);
    }

    /** A shared long array of {@code length} zeros without a lock. */
    public static Array.OfLong ofLongs(int length) {
        return new Array.OfLong(length, false);
    }

    /** A shared long array holding a copy of {@code values}, without a lock. */
    public static Array.OfLong ofLongs(long... values) {
        return new Array.OfLong(values, false);
    }

    /** A shared double array of {@code length} zeros without a lock. */
    public static Array.OfDouble ofDoubles(int length) {
        return new Array.OfDouble(length, false);
    }

    /** A shared double array holding a copy of {@code values}, without a lock. */
    public static Array.OfDouble ofDoubles(double... values) {
        return new Array.OfDouble(values, false);
    }

    /** A shared byte array of {@code length} zeros without a lock. */
    public static Array.OfByte ofBytes(int length) {
        return new Array.OfByte(length, false);
    }

    /** A shared byte array holding a copy of {@code values}, without a lock. */
    public static Array.OfByte ofBytes(byte... values) {
        return new Array.OfByte(values, false);
    }

    /** A shared char array of {@code length} zeros without a lock. */
    public static Array.OfChar ofChars(int length) {
        return new Array.OfChar(length, false);
    }

    /** A shared char array holding a copy of {@code values}, without a lock. */
    public static Array.OfChar ofChars(char... values) {
        return new Array.OfChar(values, false);
    }

    /** A shared boolean array of {@code length} zeros without a lock. */
    public static Array.OfBoolean ofBooleans(int length) {
        return new Array.OfBoolean(length, false);
    }

    /** A shared boolean array holding a copy of {@code values}, without a lock. */
    public static Array.OfBoolean ofBooleans(boolean... values) {
        return new Array.OfBoolean(values, false);
    }
}
