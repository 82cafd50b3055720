package org.jmultiprocessing;

import java.util.Objects;

import org.jmultiprocessing.spi.ArrayImpl;
import org.jmultiprocessing.spi.CellsImpl;
import org.jmultiprocessing.spi.SharedCells;

/**
 * A fixed-length array of primitives in shared memory, seen by every thread and process it is passed to
 * (Python's {@code multiprocessing.Array}): {@code Array('i', 10)} is {@code Array.ofInts(10)} (ten zeros),
 * {@code Array('d', [1.0, 2.0])} is {@code Array.ofDoubles(1.0, 2.0)}. Note that an {@code int} argument
 * alone is a length, as in Python: {@code Array.ofLongs(3)} has three zeros, {@code Array.ofLongs(3L)} holds 3.
 * Kinds: int, long, double, byte, char, boolean. {@code ctx.array().ofInts(10)} makes one of a given context
 * ({@link Context#array()}).
 *
 * <p>Each element access is atomic; anything longer needs the array's recursive lock, {@link #getLock()},
 * as in Python. {@link RawArray} makes arrays without a lock.
 */
public abstract class Array extends Cells {
    private static final long serialVersionUID = 1L;

    Array(CellsImpl<?> impl) {
        super(impl);
    }

    /** The number of elements (Python's {@code len(a)}). */
    public int length() {
        return length;
    }

    final int checkIndex(int index) {
        return Objects.checkIndex(index, length);
    }

    /**
     * Makes arrays of one context, with a lock ({@code ctx.array()}, Python's {@code ctx.Array}) or without
     * ({@code ctx.rawArray()}, Python's {@code ctx.RawArray}): {@code ctx.array().ofInts(10)} has ten zeros,
     * {@code ctx.array().ofDoubles(1.0, 2.0)} holds a copy of the values.
     */
    public static final class Factory {
        private final SharedCells cells;
        private final boolean withLock;

        Factory(Context context, boolean withLock) {
            this.cells = context.backend().cells();
            this.withLock = withLock;
        }

        private int checkedLength(int length, int elementSize, String kind) {
            int maxLength = cells.maxArrayLength(elementSize);
            if (length < 0 || length > maxLength) {
                throw new IllegalArgumentException("array length must be between 0 and " + maxLength + " for "
                        + kind + " elements, got " + length);
            }
            RichDisplay.install();
            return length;
        }

        /** An int array of {@code length} zeros. */
        public OfInt ofInts(int length) {
            return new OfInt(cells.intArray(checkedLength(length, 4, "int"), withLock));
        }

        /** An int array holding a copy of {@code values}. */
        public OfInt ofInts(int... values) {
            OfInt array = ofInts(values.length);
            for (int i = 0; i < values.length; i++) {
                array.set(i, values[i]);
            }
            return array;
        }

        /** A long array of {@code length} zeros. */
        public OfLong ofLongs(int length) {
            return new OfLong(cells.longArray(checkedLength(length, 8, "long"), withLock));
        }

        /** A long array holding a copy of {@code values}. */
        public OfLong ofLongs(long... values) {
            OfLong array = ofLongs(values.length);
            for (int i = 0; i < values.length; i++) {
                array.set(i, values[i]);
            }
            return array;
        }

        /** A double array of {@code length} zeros. */
        public OfDouble ofDoubles(int length) {
            return new OfDouble(cells.doubleArray(checkedLength(length, 8, "double"), withLock));
        }

        /** A double array holding a copy of {@code values}. */
        public OfDouble ofDoubles(double... values) {
            OfDouble array = ofDoubles(values.length);
            for (int i = 0; i < values.length; i++) {
                array.set(i, values[i]);
            }
            return array;
        }

        /** A byte array of {@code length} zeros. */
        public OfByte ofBytes(int length) {
            return new OfByte(cells.byteArray(checkedLength(length, 1, "byte"), withLock));
        }

        /** A byte array holding a copy of {@code values}. */
        public OfByte ofBytes(byte... values) {
            OfByte array = ofBytes(values.length);
            for (int i = 0; i < values.length; i++) {
                array.set(i, values[i]);
            }
            return array;
        }

        /** A char array of {@code length} zeros. */
        public OfChar ofChars(int length) {
            return new OfChar(cells.charArray(checkedLength(length, 2, "char"), withLock));
        }

        /** A char array holding a copy of {@code values}. */
        public OfChar ofChars(char... values) {
            OfChar array = ofChars(values.length);
            for (int i = 0; i < values.length; i++) {
                array.set(i, values[i]);
            }
            return array;
        }

        /** A char array holding the characters of {@code text}. */
        public OfChar ofChars(String text) {
            return ofChars(text.toCharArray());
        }

        /** A boolean array of {@code length} zeros (false). */
        public OfBoolean ofBooleans(int length) {
            return new OfBoolean(cells.booleanArray(checkedLength(length, 1, "boolean"), withLock));
        }

        /** A boolean array holding a copy of {@code values}. */
        public OfBoolean ofBooleans(boolean... values) {
            OfBoolean array = ofBooleans(values.length);
            for (int i = 0; i < values.length; i++) {
                array.set(i, values[i]);
            }
            return array;
        }
    }

    /** A shared int array of {@code length} zeros with a lock. */
    public static OfInt ofInts(int length) {
        return Context.defaultContext().array().ofInts(length);
    }

    /** A shared int array holding a copy of {@code values}, with a lock. */
    public static OfInt ofInts(int... values) {
        return Context.defaultContext().array().ofInts(values);
    }

    /** A shared long array of {@code length} zeros with a lock. */
    public static OfLong ofLongs(int length) {
        return Context.defaultContext().array().ofLongs(length);
    }

    /** A shared long array holding a copy of {@code values}, with a lock. */
    public static OfLong ofLongs(long... values) {
        return Context.defaultContext().array().ofLongs(values);
    }

    /** A shared double array of {@code length} zeros with a lock. */
    public static OfDouble ofDoubles(int length) {
        return Context.defaultContext().array().ofDoubles(length);
    }

    /** A shared double array holding a copy of {@code values}, with a lock. */
    public static OfDouble ofDoubles(double... values) {
        return Context.defaultContext().array().ofDoubles(values);
    }

    /** A shared byte array of {@code length} zeros with a lock. */
    public static OfByte ofBytes(int length) {
        return Context.defaultContext().array().ofBytes(length);
    }

    /** A shared byte array holding a copy of {@code values}, with a lock. */
    public static OfByte ofBytes(byte... values) {
        return Context.defaultContext().array().ofBytes(values);
    }

    /** A shared char array of {@code length} zeros with a lock. */
    public static OfChar ofChars(int length) {
        return Context.defaultContext().array().ofChars(length);
    }

    /** A shared char array holding a copy of {@code values}, with a lock. */
    public static OfChar ofChars(char... values) {
        return Context.defaultContext().array().ofChars(values);
    }

    /** A shared char array holding the characters of {@code text}. */
    public static OfChar ofChars(String text) {
        return Context.defaultContext().array().ofChars(text);
    }

    /** A shared boolean array of {@code length} zeros with a lock. */
    public static OfBoolean ofBooleans(int length) {
        return Context.defaultContext().array().ofBooleans(length);
    }

    /** A shared boolean array holding a copy of {@code values}, with a lock. */
    public static OfBoolean ofBooleans(boolean... values) {
        return Context.defaultContext().array().ofBooleans(values);
    }

    /** A shared int array. */
    public static final class OfInt extends Array {
        private static final long serialVersionUID = 1L;

        private final transient ArrayImpl.OfInt impl;

        OfInt(ArrayImpl.OfInt impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfInt::new);
        }

        /** Python's {@code a[index]}. */
        public int get(int index) {
            checkIndex(index);
            return impl.get(index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, int value) {
            checkIndex(index);
            impl.set(index, value);
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

        private final transient ArrayImpl.OfLong impl;

        OfLong(ArrayImpl.OfLong impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfLong::new);
        }

        /** Python's {@code a[index]}. */
        public long get(int index) {
            checkIndex(index);
            return impl.get(index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, long value) {
            checkIndex(index);
            impl.set(index, value);
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

        private final transient ArrayImpl.OfDouble impl;

        OfDouble(ArrayImpl.OfDouble impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfDouble::new);
        }

        /** Python's {@code a[index]}. */
        public double get(int index) {
            checkIndex(index);
            return impl.get(index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, double value) {
            checkIndex(index);
            impl.set(index, value);
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

        private final transient ArrayImpl.OfByte impl;

        OfByte(ArrayImpl.OfByte impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfByte::new);
        }

        /** Python's {@code a[index]}. */
        public byte get(int index) {
            checkIndex(index);
            return impl.get(index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, byte value) {
            checkIndex(index);
            impl.set(index, value);
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

        private final transient ArrayImpl.OfChar impl;

        OfChar(ArrayImpl.OfChar impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfChar::new);
        }

        /** Python's {@code a[index]}. */
        public char get(int index) {
            checkIndex(index);
            return impl.get(index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, char value) {
            checkIndex(index);
            impl.set(index, value);
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

        private final transient ArrayImpl.OfBoolean impl;

        OfBoolean(ArrayImpl.OfBoolean impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfBoolean::new);
        }

        /** Python's {@code a[index]}. */
        public boolean get(int index) {
            checkIndex(index);
            return impl.get(index);
        }

        /** Python's {@code a[index] = value}. */
        public void set(int index, boolean value) {
            checkIndex(index);
            impl.set(index, value);
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
