package org.jmultiprocessing.internal.thread;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jmultiprocessing.spi.ArrayImpl;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/** Fixed-length arrays of this JVM, one Java array per kind, read with acquire and written with release semantics. */
final class ThreadArrays {
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle DOUBLES = MethodHandles.arrayElementVarHandle(double[].class);
    private static final VarHandle BYTES = MethodHandles.arrayElementVarHandle(byte[].class);
    private static final VarHandle CHARS = MethodHandles.arrayElementVarHandle(char[].class);
    private static final VarHandle BOOLEANS = MethodHandles.arrayElementVarHandle(boolean[].class);

    private ThreadArrays() {
    }

    /** What every array has: its length and optional lock. */
    abstract static class Base {
        private final int length;
        private final ThreadRLock lock;

        Base(int length, boolean withLock) {
            this.length = length;
            this.lock = withLock ? new ThreadRLock() : null;
        }

        public final int length() {
            return length;
        }

        public final LockImpl lock() {
            return lock;
        }

        /** For {@code transit}: an array of this backend stays in this JVM. */
        static RuntimeException notTransferable() {
            return LocalOnly.notTransferable("Array");
        }
    }

    static final class OfInt extends Base implements ArrayImpl.OfInt {
        private final int[] elements;

        OfInt(int length, boolean withLock) {
            super(length, withLock);
            this.elements = new int[length];
        }

        @Override
        public int get(int index) {
            return (int) INTS.getAcquire(elements, index);
        }

        @Override
        public void set(int index, int value) {
            INTS.setRelease(elements, index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfInt> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfLong extends Base implements ArrayImpl.OfLong {
        private final long[] elements;

        OfLong(int length, boolean withLock) {
            super(length, withLock);
            this.elements = new long[length];
        }

        @Override
        public long get(int index) {
            return (long) LONGS.getAcquire(elements, index);
        }

        @Override
        public void set(int index, long value) {
            LONGS.setRelease(elements, index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfLong> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfDouble extends Base implements ArrayImpl.OfDouble {
        private final double[] elements;

        OfDouble(int length, boolean withLock) {
            super(length, withLock);
            this.elements = new double[length];
        }

        @Override
        public double get(int index) {
            return (double) DOUBLES.getAcquire(elements, index);
        }

        @Override
        public void set(int index, double value) {
            DOUBLES.setRelease(elements, index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfDouble> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfByte extends Base implements ArrayImpl.OfByte {
        private final byte[] elements;

        OfByte(int length, boolean withLock) {
            super(length, withLock);
            this.elements = new byte[length];
        }

        @Override
        public byte get(int index) {
            return (byte) BYTES.getAcquire(elements, index);
        }

        @Override
        public void set(int index, byte value) {
            BYTES.setRelease(elements, index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfByte> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfChar extends Base implements ArrayImpl.OfChar {
        private final char[] elements;

        OfChar(int length, boolean withLock) {
            super(length, withLock);
            this.elements = new char[length];
        }

        @Override
        public char get(int index) {
            return (char) CHARS.getAcquire(elements, index);
        }

        @Override
        public void set(int index, char value) {
            CHARS.setRelease(elements, index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfChar> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfBoolean extends Base implements ArrayImpl.OfBoolean {
        private final boolean[] elements;

        OfBoolean(int length, boolean withLock) {
            super(length, withLock);
            this.elements = new boolean[length];
        }

        @Override
        public boolean get(int index) {
            return (boolean) BOOLEANS.getAcquire(elements, index);
        }

        @Override
        public void set(int index, boolean value) {
            BOOLEANS.setRelease(elements, index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfBoolean> rebuild) {
            throw notTransferable();
        }
    }
}
