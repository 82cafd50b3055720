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
        return Array.createInt(new int[length], false);
    }

    /** A shared int array holding a copy of {@code values}, without a lock. */
    public static Array.OfInt ofInts(int... values) {
        return Array.createInt(values, false);
    }

    /** A shared long array of {@code length} zeros without a lock. */
    public static Array.OfLong ofLongs(int length) {
        return Array.createLong(new long[length], false);
    }

    /** A shared long array holding a copy of {@code values}, without a lock. */
    public static Array.OfLong ofLongs(long... values) {
        return Array.createLong(values, false);
    }

    /** A shared double array of {@code length} zeros without a lock. */
    public static Array.OfDouble ofDoubles(int length) {
        return Array.createDouble(new double[length], false);
    }

    /** A shared double array holding a copy of {@code values}, without a lock. */
    public static Array.OfDouble ofDoubles(double... values) {
        return Array.createDouble(values, false);
    }

    /** A shared byte array of {@code length} zeros without a lock. */
    public static Array.OfByte ofBytes(int length) {
        return Array.createByte(new byte[length], false);
    }

    /** A shared byte array holding a copy of {@code values}, without a lock. */
    public static Array.OfByte ofBytes(byte... values) {
        return Array.createByte(values, false);
    }

    /** A shared char array of {@code length} zeros without a lock. */
    public static Array.OfChar ofChars(int length) {
        return Array.createChar(new char[length], false);
    }

    /** A shared char array holding a copy of {@code values}, without a lock. */
    public static Array.OfChar ofChars(char... values) {
        return Array.createChar(values, false);
    }

    /** A shared boolean array of {@code length} zeros without a lock. */
    public static Array.OfBoolean ofBooleans(int length) {
        return Array.createBoolean(new boolean[length], false);
    }

    /** A shared boolean array holding a copy of {@code values}, without a lock. */
    public static Array.OfBoolean ofBooleans(boolean... values) {
        return Array.createBoolean(values, false);
    }
}
