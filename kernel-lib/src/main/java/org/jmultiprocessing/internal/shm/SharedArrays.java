package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.CellsDescriptor.*;

import java.lang.invoke.VarHandle;

import org.jmultiprocessing.spi.ArrayImpl;
import org.jmultiprocessing.spi.Rebuild;

/**
 * Fixed-length arrays of primitives in shared memory, one class per kind, each element at a multiple of its
 * size. Bytes and chars have no acquire/release access on a buffer, so fences order them.
 */
final class SharedArrays {
    private SharedArrays() {
    }

    static final class OfInt extends CellRegion implements ArrayImpl.OfInt {
        OfInt(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_INT);
        }

        @Override
        public int get(int index) {
            return (int) INT.getAcquire(buffer, DATA + 4 * index);
        }

        @Override
        public void set(int index, int value) {
            INT.setRelease(buffer, DATA + 4 * index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfInt> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfInt(attached, senderPid)));
        }
    }

    static final class OfLong extends CellRegion implements ArrayImpl.OfLong {
        OfLong(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_LONG);
        }

        @Override
        public long get(int index) {
            return (long) LONG.getAcquire(buffer, DATA + 8 * index);
        }

        @Override
        public void set(int index, long value) {
            LONG.setRelease(buffer, DATA + 8 * index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfLong> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfLong(attached, senderPid)));
        }
    }

    static final class OfDouble extends CellRegion implements ArrayImpl.OfDouble {
        OfDouble(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_DOUBLE);
        }

        @Override
        public double get(int index) {
            return Double.longBitsToDouble((long) LONG.getAcquire(buffer, DATA + 8 * index));
        }

        @Override
        public void set(int index, double value) {
            LONG.setRelease(buffer, DATA + 8 * index, Double.doubleToRawLongBits(value));
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfDouble> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfDouble(attached, senderPid)));
        }
    }

    static final class OfByte extends CellRegion implements ArrayImpl.OfByte {
        OfByte(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_BYTE);
        }

        @Override
        public byte get(int index) {
            byte value = buffer.get(DATA + index);
            VarHandle.acquireFence();
            return value;
        }

        @Override
        public void set(int index, byte value) {
            VarHandle.releaseFence();
            buffer.put(DATA + index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfByte> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfByte(attached, senderPid)));
        }
    }

    static final class OfChar extends CellRegion implements ArrayImpl.OfChar {
        OfChar(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_CHAR);
        }

        @Override
        public char get(int index) {
            char value = buffer.getChar(DATA + 2 * index);
            VarHandle.acquireFence();
            return value;
        }

        @Override
        public void set(int index, char value) {
            VarHandle.releaseFence();
            buffer.putChar(DATA + 2 * index, value);
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfChar> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfChar(attached, senderPid)));
        }
    }

    /** Booleans as bytes, 1 for true. */
    static final class OfBoolean extends CellRegion implements ArrayImpl.OfBoolean {
        OfBoolean(SharedRegion region, long senderPid) {
            super(region, senderPid, KIND_BOOLEAN);
        }

        @Override
        public boolean get(int index) {
            byte value = buffer.get(DATA + index);
            VarHandle.acquireFence();
            return value != 0;
        }

        @Override
        public void set(int index, boolean value) {
            VarHandle.releaseFence();
            buffer.put(DATA + index, (byte) (value ? 1 : 0));
        }

        @Override
        public Object transit(Rebuild<ArrayImpl.OfBoolean> rebuild) {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new OfBoolean(attached, senderPid)));
        }
    }
}
