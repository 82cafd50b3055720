package org.jmultiprocessing;

import java.io.Serializable;
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
public abstract class Array implements Serializable {
    private static final long serialVersionUID = 1L;

    final transient Cells cells;
    final transient SharedRegion region;
    final transient int data;
    final transient int length;

    Array(Cells cells, long senderPid) {
        this.cells = cells;
        this.region = cells.region;
        this.data = cells.data;
        this.length = cells.length;
        if (senderPid == 0) {
            region.hold(this, 0);
        } else {
            region.acceptTransit(this, 0, senderPid);
        }
    }

    /** The number of elements (Python's {@code len(a)}). */
    public int length() {
        return length;
    }

    /** The lock guarding this array (Python's {@code get_lock()}); an error for a raw array. */
    public RLock getLock() {
        return cells.lock();
    }

    /** Runs {@code action} while holding this array's lock. */
    public void withLock(Runnable action) {
        RLock lock = getLock();
        lock.acquire();
        try {
            action.run();
        } finally {
            lock.release();
        }
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
        return SharedHandle.of(region, 0, Array::attach);
    }

    private static Array attach(SharedRegion region, long senderPid) {
        Cells cells = Cells.attach(region);
        switch (cells.kind) {
            case Value.INT:
                return new OfInt(cells, senderPid);
            case Value.LONG:
                return new OfLong(cells, senderPid);
            case Value.DOUBLE:
                return new OfDouble(cells, senderPid);
            case Value.BYTE:
                return new OfByte(cells, senderPid);
            case Value.CHAR:
                return new OfChar(cells, senderPid);
            case Value.BOOLEAN:
                return new OfBoolean(cells, senderPid);
            default:
                throw new IllegalStateException("unknown array kind " + cells.kind);
        }
    }

    /** A shared int array of {@code length} zeros with a lock. */
    public static OfInt ofInts(int length) {
        return new OfInt(Cells.create(Value.INT, length, 4, true), 0);
    }

    /** A shared int array holding a copy of {@code values}, with a lock. */
    public static OfInt ofInts(int... values) {
        return createInt(values, true);
    }

    static OfInt createInt(int[] values, boolean withLock) {
        OfInt array = new OfInt(Cells.create(Value.INT, values.length, 4, withLock), 0);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    /** A shared long array of {@code length} zeros with a lock. */
    public static OfLong ofLongs(int length) {
        return new OfLong(Cells.create(Value.LONG, length, 8, true), 0);
    }

    /** A shared long array holding a copy of {@code values}, with a lock. */
    public static OfLong ofLongs(long... values) {
        return createLong(values, true);
    }

    static OfLong createLong(long[] values, boolean withLock) {
        OfLong array = new OfLong(Cells.create(Value.LONG, values.length, 8, withLock), 0);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    /** A shared double array of {@code length} zeros with a lock. */
    public static OfDouble ofDoubles(int length) {
        return new OfDouble(Cells.create(Value.DOUBLE, length, 8, true), 0);
    }

    /** A shared double array holding a copy of {@code values}, with a lock. */
    public static OfDouble ofDoubles(double... values) {
        return createDouble(values, true);
    }

    static OfDouble createDouble(double[] values, boolean withLock) {
        OfDouble array = new OfDouble(Cells.create(Value.DOUBLE, values.length, 8, withLock), 0);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    /** A shared byte array of {@code length} zeros with a lock. */
    public static OfByte ofBytes(int length) {
        return new OfByte(Cells.create(Value.BYTE, length, 1, true), 0);
    }

    /** A shared byte array holding a copy of {@code values}, with a lock. */
    public static OfByte ofBytes(byte... values) {
        return createByte(values, true);
    }

    static OfByte createByte(byte[] values, boolean withLock) {
        OfByte array = new OfByte(Cells.create(Value.BYTE, values.length, 1, withLock), 0);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    /** A shared char array of {@code length} zeros with a lock. */
    public static OfChar ofChars(int length) {
        return new OfChar(Cells.create(Value.CHAR, length, 2, true), 0);
    }

    /** A shared char array holding a copy of {@code values}, with a lock. */
    public static OfChar ofChars(char... values) {
        return createChar(values, true);
    }

    /** A shared char array holding the characters of {@code text}. */
    public static OfChar ofChars(String text) {
        return ofChars(text.toCharArray());
    }

    static OfChar createChar(char[] values, boolean withLock) {
        OfChar array = new OfChar(Cells.create(Value.CHAR, values.length, 2, withLock), 0);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    /** A shared boolean array of {@code length} zeros with a lock. */
    public static OfBoolean ofBooleans(int length) {
        return new OfBoolean(Cells.create(Value.BOOLEAN, length, 1, true), 0);
    }

    /** A shared boolean array holding a copy of {@code values}, with a lock. */
    public static OfBoolean ofBooleans(boolean... values) {
        return createBoolean(values, true);
    }

    static OfBoolean createBoolean(boolean[] values, boolean withLock) {
        OfBoolean array = new OfBoolean(Cells.create(Value.BOOLEAN, values.length, 1, withLock), 0);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    /** A shared int array. */
    public static final class OfInt extends Array {
        private static final long serialVersionUID = 1L;

        OfInt(Cells cells, long senderPid) {
            super(cells, senderPid);
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

        OfLong(Cells cells, long senderPid) {
            super(cells, senderPid);
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

        OfDouble(Cells cells, long senderPid) {
            super(cells, senderPid);
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

        OfByte(Cells cells, long senderPid) {
            super(cells, senderPid);
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

        OfChar(Cells cells, long senderPid) {
            super(cells, senderPid);
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

        OfBoolean(Cells cells, long senderPid) {
            super(cells, senderPid);
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
