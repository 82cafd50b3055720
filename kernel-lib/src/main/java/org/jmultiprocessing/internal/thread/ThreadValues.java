package org.jmultiprocessing.internal.thread;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.ValueImpl;

/** One primitive of this JVM per kind, in an atomic (a double as its bits, a byte, char or boolean as an int). */
final class ThreadValues {
    private ThreadValues() {
    }

    /** What every value has: its optional lock. */
    abstract static class Base {
        final ThreadRLock lock;

        Base(boolean withLock) {
            this.lock = withLock ? new ThreadRLock() : null;
        }

        public final int length() {
            return 1;
        }

        public final LockImpl lock() {
            return lock;
        }

        /** For {@code transit}: a value of this backend stays in this JVM. */
        static RuntimeException notTransferable() {
            return LocalOnly.notTransferable("Value");
        }
    }

    static final class OfInt extends Base implements ValueImpl.OfInt {
        private final AtomicInteger cell;

        OfInt(int initial, boolean withLock) {
            super(withLock);
            this.cell = new AtomicInteger(initial);
        }

        @Override
        public int get() {
            return cell.get();
        }

        @Override
        public void set(int value) {
            cell.set(value);
        }

        @Override
        public int addAndGet(int delta) {
            if (lock == null) {
                return cell.addAndGet(delta);
            }
            lock.acquire(Deadline.FOREVER);
            try {
                int next = cell.get() + delta;
                cell.set(next);
                return next;
            } finally {
                lock.release();
            }
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfInt> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfLong extends Base implements ValueImpl.OfLong {
        private final AtomicLong cell;

        OfLong(long initial, boolean withLock) {
            super(withLock);
            this.cell = new AtomicLong(initial);
        }

        @Override
        public long get() {
            return cell.get();
        }

        @Override
        public void set(long value) {
            cell.set(value);
        }

        @Override
        public long addAndGet(long delta) {
            if (lock == null) {
                return cell.addAndGet(delta);
            }
            lock.acquire(Deadline.FOREVER);
            try {
                long next = cell.get() + delta;
                cell.set(next);
                return next;
            } finally {
                lock.release();
            }
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfLong> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfDouble extends Base implements ValueImpl.OfDouble {
        private final AtomicLong bits;

        OfDouble(double initial, boolean withLock) {
            super(withLock);
            this.bits = new AtomicLong(Double.doubleToRawLongBits(initial));
        }

        @Override
        public double get() {
            return Double.longBitsToDouble(bits.get());
        }

        @Override
        public void set(double value) {
            bits.set(Double.doubleToRawLongBits(value));
        }

        @Override
        public double addAndGet(double delta) {
            if (lock == null) {
                return Double.longBitsToDouble(bits.accumulateAndGet(Double.doubleToRawLongBits(delta),
                        (current, d) -> Double.doubleToRawLongBits(Double.longBitsToDouble(current) + Double.longBitsToDouble(d))));
            }
            lock.acquire(Deadline.FOREVER);
            try {
                double next = get() + delta;
                set(next);
                return next;
            } finally {
                lock.release();
            }
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfDouble> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfByte extends Base implements ValueImpl.OfByte {
        private volatile byte cell;

        OfByte(byte initial, boolean withLock) {
            super(withLock);
            this.cell = initial;
        }

        @Override
        public byte get() {
            return cell;
        }

        @Override
        public void set(byte value) {
            cell = value;
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfByte> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfChar extends Base implements ValueImpl.OfChar {
        private volatile char cell;

        OfChar(char initial, boolean withLock) {
            super(withLock);
            this.cell = initial;
        }

        @Override
        public char get() {
            return cell;
        }

        @Override
        public void set(char value) {
            cell = value;
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfChar> rebuild) {
            throw notTransferable();
        }
    }

    static final class OfBoolean extends Base implements ValueImpl.OfBoolean {
        private volatile boolean cell;

        OfBoolean(boolean initial, boolean withLock) {
            super(withLock);
            this.cell = initial;
        }

        @Override
        public boolean get() {
            return cell;
        }

        @Override
        public void set(boolean value) {
            cell = value;
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfBoolean> rebuild) {
            throw notTransferable();
        }
    }
}
