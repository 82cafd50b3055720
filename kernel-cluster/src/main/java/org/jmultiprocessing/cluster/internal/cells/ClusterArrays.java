package org.jmultiprocessing.cluster.internal.cells;

import org.jmultiprocessing.spi.ArrayImpl;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/** The {@code Array}s of the cluster: {@link Cells} of a fixed length. */
final class ClusterArrays {
    private ClusterArrays() {
    }

    static final class OfInt implements ArrayImpl.OfInt {
        private final Cells cells;

        OfInt(Cells cells) {
            this.cells = cells;
        }

        @Override
        public int get(int index) {
            return (int) cells.get(index);
        }

        @Override
        public void set(int index, int value) {
            cells.set(index, value);
        }

        @Override
        public int length() {
            return cells.length();
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfInt> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfInt::new);
        }
    }

    static final class OfLong implements ArrayImpl.OfLong {
        private final Cells cells;

        OfLong(Cells cells) {
            this.cells = cells;
        }

        @Override
        public long get(int index) {
            return cells.get(index);
        }

        @Override
        public void set(int index, long value) {
            cells.set(index, value);
        }

        @Override
        public int length() {
            return cells.length();
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfLong> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfLong::new);
        }
    }

    static final class OfDouble implements ArrayImpl.OfDouble {
        private final Cells cells;

        OfDouble(Cells cells) {
            this.cells = cells;
        }

        @Override
        public double get(int index) {
            return Double.longBitsToDouble(cells.get(index));
        }

        @Override
        public void set(int index, double value) {
            cells.set(index, Double.doubleToRawLongBits(value));
        }

        @Override
        public int length() {
            return cells.length();
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfDouble> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfDouble::new);
        }
    }

    static final class OfByte implements ArrayImpl.OfByte {
        private final Cells cells;

        OfByte(Cells cells) {
            this.cells = cells;
        }

        @Override
        public byte get(int index) {
            return (byte) cells.get(index);
        }

        @Override
        public void set(int index, byte value) {
            cells.set(index, value);
        }

        @Override
        public int length() {
            return cells.length();
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfByte> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfByte::new);
        }
    }

    static final class OfChar implements ArrayImpl.OfChar {
        private final Cells cells;

        OfChar(Cells cells) {
            this.cells = cells;
        }

        @Override
        public char get(int index) {
            return (char) cells.get(index);
        }

        @Override
        public void set(int index, char value) {
            cells.set(index, value);
        }

        @Override
        public int length() {
            return cells.length();
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfChar> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfChar::new);
        }
    }

    static final class OfBoolean implements ArrayImpl.OfBoolean {
        private final Cells cells;

        OfBoolean(Cells cells) {
            this.cells = cells;
        }

        @Override
        public boolean get(int index) {
            return cells.get(index) != 0;
        }

        @Override
        public void set(int index, boolean value) {
            cells.set(index, (value ? 1 : 0));
        }

        @Override
        public int length() {
            return cells.length();
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfBoolean> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfBoolean::new);
        }
    }
}
