package org.jmultiprocessing;

import java.lang.invoke.VarHandle;
import java.util.Objects;

import org.jmultiprocessing.internal.shm.CellsDescriptor;
import org.jmultiprocessing.internal.shm.SharedHandle;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * A fixed-length array of primitives in shared memory, seen by every thread and process it is passed to
 * (Python's {@code multiprocessing.Array}): {@code Array('i', 10)} is {@code Array.ofInts(10)} (ten zeros),
 * {@code Array('d', [1.0, 2.0])} is {@code Array.ofDoubles(1.0, 2.0)}. Note that an {@code int} argument
 * alone is a length, as in Python: {@code Array.ofLongs(3)} has three zeros, {@code Array.ofLongs(3L)} holds 3.
 * Kinds: int, long, double, byte, char, boolean (layout in {@link CellsDescriptor}).
 *
 * <p>Each element access is atomic; anything longer needs the array's recursive lock, {@link #getLock()},
 * as in Python. {@link RawArray} makes arrays without a lock.
 */
public abstract class Array extends Cells {
    private static final long serialVersionUID = 1L;

    Array(Kind kind, int length, boolean withLock) {
        super(kind, length, kind.size, withLock);
    }

    Array(SharedRegion region, long senderPid) {
        super(region, senderPid);
    }

    /** The number of elements (Python's {@code len(a)}). */
    public int length() {
        return length;
    }

    final int checkIndex(int index) {
        return Objects.checkIndex(index, length);
    }

    final byte getByteAcquire(int index) {
        byte value = region.buffer().get(data + index);
        VarHandle.acquireFence();
        return value;
    }

    final void putByteRelease(int index, byte value) {
        VarHandle.releaseFence();
        region.buffer().put(data + index, value);
    }

    final char getCharAcquire(int index) {
        char value = region.buffer().getChar(data + 2 * index);
        VarHandle.acquireFence();
        return value;
    }

    final void putCharRelease(int index, char value) {
        VarHandle.releaseFence();
        region.buffer().putChar(data + 2 * index, value);
    }

    Object writeReplace() {
        return SharedHandle.of(region, 0, (attached, senderPid) -> received(attached, senderPid, true));
    }

    /** A shared int array of {@code length} zeros with a lock. */
    public static OfInt ofInts(int length) {
        return new OfInt(length, true);
    }

    /** A shared int array holding a copy of {@code values}, with a lock. */
    public static OfInt ofInts(int... values) {
        return new OfInt(values, true);
    }

    /** A shared long array of {@code length} zeros with a lock. */
    public static OfLong ofLongs(int length) {
        return new OfLong(length, true);
    }

    /** A shared long array holding a copy of {@code values}, with a lock. */
    public static OfLong ofLongs(long... values) {
        return new OfLong(values, true);
    }

    /** A shared double array of {@code length} zeros with a lock. */
    public static OfDouble ofDoubles(int length) {
        return new OfDouble(length, true);
    }

    /** A shared double array holding a copy of {@code values}, with a lock. */
    public static OfDouble ofDoubles(double... values) {
        return new OfDouble(values, true);
    }

    /** A shared byte array of {@code length} zeros with a lock. */
    public static OfByte ofBytes(int length) {
        return new OfByte(length, true);
    }

    /** A shared byte array holding a copy of {@code values}, with a lock. */
    public static OfByte ofBytes(byte... values) {
        return new OfByte(values, true);
    }

    /** A shared char array of {@code length} zeros with a lock. */
    public static OfChar ofChars(int length) {
        return new OfChar(length, true);
    }

    /** A shared char array holding a copy of {@code values}, with a lock. */
    public static OfChar ofChars(char... values) {
        return new OfChar(values, true);
    }

    /** A shared char array holding the characters of {@code text}. */
    public static OfChar ofChars(String text) {
        return ofChars(text.toCharArray());
    }

    /** A shared boolean array of {@code length} zeros with a lock. */
    public static OfBoolean ofBooleans(int length) {
        return new OfBoolean(length, true);
    }

    /** A shared boolean array holding a copy of {@code values}, with a lock. */
    public static OfBoolean ofBooleans(boolean... values) {
        return new OfBoolean(values, true);
    }

    /** A shared int array. */
    public static final class OfInt extends Array {
        private static final long serialVersionUID = 1L;

        OfInt(int length, boolean withLock) {
            super(Kind.INT, length, withLock);
        }

        OfInt(int[] values, boolean withLock) {
            this(values.length, withLock);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        OfInt(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code a[index]}. */
        public int get(int index) {
            checkIndex(index);
            return region.getIntAcquire(data + 4 * index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, int value) {
            checkIndex(index);
            region.putIntRelease(data + 4 * index, value);
        }

        /** A copy of the elements (Python's {@code a[:]}). */
        public int[] toArray() {
            int[] copy = new int[length];
            for (int i = 0; i < length; i++) {
                copy[i] = get(i);
            }
            return copy;
        }

        @Override
        public String toString() {
            return "Array<int>" + java.util.Arrays.toString(toArray());
        }
    }

    /** A shared long array. */
    public static final class OfLong extends Array {
        private static final long serialVersionUID = 1L;

        OfLong(int length, boolean withLock) {
            super(Kind.LONG, length, withLock);
        }

        OfLong(long[] values, boolean withLock) {
            this(values.length, withLock);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        OfLong(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code a[index]}. */
        public long get(int index) {
            checkIndex(index);
            return region.getLongAcquire(data + 8 * index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, long value) {
            checkIndex(index);
            region.putLongRelease(data + 8 * index, value);
        }

        /** A copy of the elements (Python's {@code a[:]}). */
        public long[] toArray() {
            long[] copy = new long[length];
            for (int i = 0; i < length; i++) {
                copy[i] = get(i);
            }
            return copy;
        }

        @Override
        public String toString() {
            return "Array<long>" + java.util.Arrays.toString(toArray());
        }
    }

    /** A shared double array. */
    public static final class OfDouble extends Array {
        private static final long serialVersionUID = 1L;

        OfDouble(int length, boolean withLock) {
            super(Kind.DOUBLE, length, withLock);
        }

        OfDouble(double[] values, boolean withLock) {
            this(values.length, withLock);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        OfDouble(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code a[index]}. */
        public double get(int index) {
            checkIndex(index);
            return Double.longBitsToDouble(region.getLongAcquire(data + 8 * index));
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, double value) {
            checkIndex(index);
            region.putLongRelease(data + 8 * index, Double.doubleToRawLongBits(value));
        }

        /** A copy of the elements (Python's {@code a[:]}). */
        public double[] toArray() {
            double[] copy = new double[length];
            for (int i = 0; i < length; i++) {
                copy[i] = get(i);
            }
            return copy;
        }

        @Override
        public String toString() {
            return "Array<double>" + java.util.Arrays.toString(toArray());
        }
    }

    /** A shared byte array. */
    public static final class OfByte extends Array {
        private static final long serialVersionUID = 1L;

        OfByte(int length, boolean withLock) {
            super(Kind.BYTE, length, withLock);
        }

        OfByte(byte[] values, boolean withLock) {
            this(values.length, withLock);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        OfByte(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code a[index]}. */
        public byte get(int index) {
            checkIndex(index);
            return getByteAcquire(index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, byte value) {
            checkIndex(index);
            putByteRelease(index, value);
        }

        /** A copy of the elements (Python's {@code a[:]}). */
        public byte[] toArray() {
            byte[] copy = new byte[length];
            for (int i = 0; i < length; i++) {
                copy[i] = get(i);
            }
            return copy;
        }

        @Override
        public String toString() {
            return "Array<byte>" + java.util.Arrays.toString(toArray());
        }
    }

    /** A shared char array. */
    public static final class OfChar extends Array {
        private static final long serialVersionUID = 1L;

        OfChar(int length, boolean withLock) {
            super(Kind.CHAR, length, withLock);
        }

        OfChar(char[] values, boolean withLock) {
            this(values.length, withLock);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        OfChar(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code a[index]}. */
        public char get(int index) {
            checkIndex(index);
            return getCharAcquire(index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, char value) {
            checkIndex(index);
            putCharRelease(index, value);
        }

        /** A copy of the elements (Python's {@code a[:]}). */
        public char[] toArray() {
            char[] copy = new char[length];
            for (int i = 0; i < length; i++) {
                copy[i] = get(i);
            }
            return copy;
        }

        @Override
        public String toString() {
            return "Array<char>" + java.util.Arrays.toString(toArray());
        }
    }

    /** A shared boolean array. */
    public static final class OfBoolean extends Array {
        private static final long serialVersionUID = 1L;

        OfBoolean(int length, boolean withLock) {
            super(Kind.BOOLEAN, length, withLock);
        }

        OfBoolean(boolean[] values, boolean withLock) {
            this(values.length, withLock);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        OfBoolean(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code a[index]}. */
        public boolean get(int index) {
            checkIndex(index);
            return getByteAcquire(index) != 0;
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, boolean value) {
            checkIndex(index);
            putByteRelease(index, (byte) (value ? 1 : 0));
        }

        /** A copy of the elements (Python's {@code a[:]}). */
        public boolean[] toArray() {
            boolean[] copy = new boolean[length];
            for (int i = 0; i < length; i++) {
                copy[i] = get(i);
            }
            return copy;
        }

        @Override
        public String toString() {
            return "Array<boolean>" + java.util.Arrays.toString(toArray());
        }
    }
}
