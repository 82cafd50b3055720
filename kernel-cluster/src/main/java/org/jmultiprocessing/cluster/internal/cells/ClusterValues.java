package org.jmultiprocessing.cluster.internal.cells;

import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.ValueImpl;

/** The {@code Value}s of the cluster: {@link Cells} of one element. */
final class ClusterValues {
    private ClusterValues() {
    }

    static final class OfInt implements ValueImpl.OfInt {
        private final Cells cells;

        OfInt(Cells cells) {
            this.cells = cells;
        }

        @Override
        public int get() {
            return (int) cells.get(0);
        }

        @Override
        public void set(int value) {
            cells.set(0, value);
        }

        @Override
        public int addAndGet(int delta) {
            return (int) cells.add(CellWrite.ADD_INT, delta);
        }

        @Override
        public int length() {
            return 1;
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfInt> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfInt::new);
        }
    }

    static final class OfLong implements ValueImpl.OfLong {
        private final Cells cells;

        OfLong(Cells cells) {
            this.cells = cells;
        }

        @Override
        public long get() {
            return cells.get(0);
        }

        @Override
        public void set(long value) {
            cells.set(0, value);
        }

        @Override
        public long addAndGet(long delta) {
            return cells.add(CellWrite.ADD_LONG, delta);
        }

        @Override
        public int length() {
            return 1;
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfLong> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfLong::new);
        }
    }

    static final class OfDouble implements ValueImpl.OfDouble {
        private final Cells cells;

        OfDouble(Cells cells) {
            this.cells = cells;
        }

        @Override
        public double get() {
            return Double.longBitsToDouble(cells.get(0));
        }

        @Override
        public void set(double value) {
            cells.set(0, Double.doubleToRawLongBits(value));
        }

        @Override
        public double addAndGet(double delta) {
            return Double.longBitsToDouble(cells.add(CellWrite.ADD_DOUBLE, Double.doubleToRawLongBits(delta)));
        }

        @Override
        public int length() {
            return 1;
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfDouble> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfDouble::new);
        }
    }

    static final class OfByte implements ValueImpl.OfByte {
        private final Cells cells;

        OfByte(Cells cells) {
            this.cells = cells;
        }

        @Override
        public byte get() {
            return (byte) cells.get(0);
        }

        @Override
        public void set(byte value) {
            cells.set(0, value);
        }

        @Override
        public int length() {
            return 1;
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfByte> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfByte::new);
        }
    }

    static final class OfChar implements ValueImpl.OfChar {
        private final Cells cells;

        OfChar(Cells cells) {
            this.cells = cells;
        }

        @Override
        public char get() {
            return (char) cells.get(0);
        }

        @Override
        public void set(char value) {
            cells.set(0, value);
        }

        @Override
        public int length() {
            return 1;
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfChar> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfChar::new);
        }
    }

    static final class OfBoolean implements ValueImpl.OfBoolean {
        private final Cells cells;

        OfBoolean(Cells cells) {
            this.cells = cells;
        }

        @Override
        public boolean get() {
            return cells.get(0) != 0;
        }

        @Override
        public void set(boolean value) {
            cells.set(0, (value ? 1 : 0));
        }

        @Override
        public int length() {
            return 1;
        }

        @Override
        public LockImpl lock() {
            return cells.lock();
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfBoolean> rebuild) {
            return new CellsHandle<>(cells.ref(), rebuild, OfBoolean::new);
        }
    }
}
