package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.CellsDescriptor.*;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.ValueImpl;

/**
 * One primitive in shared memory per kind, in an 8-byte slot (a byte, char or boolean as an int) so that
 * every kind is read and written with one atomic access.
 */
final class SharedValues {
    private SharedValues() {
    }

    static final class OfInt extends CellRegion implements ValueImpl.OfInt {
        OfInt(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_INT);
        }

        @Override
        public int get() {
            return (int) INT.getAcquire(buffer, DATA);
        }

        @Override
        public void set(int value) {
            INT.setRelease(buffer, DATA, value);
        }

        @Override
        public int addAndGet(int delta) {
            if (lock == null) {
                return (int) INT.getAndAdd(buffer, DATA, delta) + delta;
            }
            lock.acquire(Deadline.FOREVER);
            try {
                int next = get() + delta;
                set(next);
                return next;
            } finally {
                lock.release();
            }
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfInt> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfInt(attached, senderPid)));
        }
    }

    static final class OfLong extends CellRegion implements ValueImpl.OfLong {
        OfLong(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_LONG);
        }

        @Override
        public long get() {
            return (long) LONG.getAcquire(buffer, DATA);
        }

        @Override
        public void set(long value) {
            LONG.setRelease(buffer, DATA, value);
        }

        @Override
        public long addAndGet(long delta) {
            if (lock == null) {
                return (long) LONG.getAndAdd(buffer, DATA, delta) + delta;
            }
            lock.acquire(Deadline.FOREVER);
            try {
                long next = get() + delta;
                set(next);
                return next;
            } finally {
                lock.release();
            }
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfLong> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfLong(attached, senderPid)));
        }
    }

    static final class OfDouble extends CellRegion implements ValueImpl.OfDouble {
        OfDouble(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_DOUBLE);
        }

        @Override
        public double get() {
            return Double.longBitsToDouble((long) LONG.getAcquire(buffer, DATA));
        }

        @Override
        public void set(double value) {
            LONG.setRelease(buffer, DATA, Double.doubleToRawLongBits(value));
        }

        @Override
        public double addAndGet(double delta) {
            if (lock == null) {
                while (true) {
                    long bits = (long) LONG.getAcquire(buffer, DATA);
                    double next = Double.longBitsToDouble(bits) + delta;
                    if (LONG.compareAndSet(buffer, DATA, bits, Double.doubleToRawLongBits(next))) {
                        return next;
                    }
                }
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
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfDouble(attached, senderPid)));
        }
    }

    static final class OfByte extends CellRegion implements ValueImpl.OfByte {
        OfByte(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_BYTE);
        }

        @Override
        public byte get() {
            return (byte) (int) INT.getAcquire(buffer, DATA);
        }

        @Override
        public void set(byte value) {
            INT.setRelease(buffer, DATA, value);
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfByte> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfByte(attached, senderPid)));
        }
    }

    static final class OfChar extends CellRegion implements ValueImpl.OfChar {
        OfChar(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_CHAR);
        }

        @Override
        public char get() {
            return (char) (int) INT.getAcquire(buffer, DATA);
        }

        @Override
        public void set(char value) {
            INT.setRelease(buffer, DATA, value);
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfChar> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfChar(attached, senderPid)));
        }
    }

    static final class OfBoolean extends CellRegion implements ValueImpl.OfBoolean {
        OfBoolean(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_BOOLEAN);
        }

        @Override
        public boolean get() {
            return (int) INT.getAcquire(buffer, DATA) != 0;
        }

        @Override
        public void set(boolean value) {
            INT.setRelease(buffer, DATA, value ? 1 : 0);
        }

        @Override
        public Object transit(Rebuild<ValueImpl.OfBoolean> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfBoolean(attached, senderPid)));
        }
    }
}
