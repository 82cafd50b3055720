package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.CellsDescriptor.VALUE_SLOT_LENGTH;

import org.jmultiprocessing.internal.shm.CellsDescriptor;
import org.jmultiprocessing.internal.shm.SharedHandle;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * One primitive in shared memory, seen by every thread and process it is passed to (Python's
 * {@code multiprocessing.Value}): {@code Value('i', 0)} is {@code Value.ofInt(0)}, and Python's
 * {@code v.value} is {@link OfInt#get()} / {@link OfInt#set(int)}. Kinds: int, long, double, byte, char,
 * boolean (layout in {@link CellsDescriptor}).
 *
 * <p>As in Python, each value comes with a recursive lock, {@link #getLock()}, and {@code get} and
 * {@code set} are each atomic but a read-modify-write is not: {@code v.set(v.get() + 1)} from two processes
 * loses updates unless it runs under the lock:
 * <pre>{@code
 * try (var held = counter.getLock().acquired()) {
 *     counter.set(counter.get() + 1);
 * }
 * }</pre>
 * {@code addAndGet(delta)} of the numeric kinds does exactly that. {@link RawValue} makes values without a
 * lock (Python's {@code RawValue}), whose {@code addAndGet} is a lock-free atomic instead.
 */
public abstract class Value extends Cells {
    private static final long serialVersionUID = 1L;

    Value(Kind kind, boolean withLock) {
        super(kind, 1, VALUE_SLOT_LENGTH, withLock);
    }

    Value(SharedRegion region, long senderPid) {
        super(region, senderPid);
    }

    Object writeReplace() {
        return SharedHandle.of(region, 0, (attached, senderPid) -> received(attached, senderPid, false));
    }

    /** A shared int with a lock (Python's {@code Value}). */
    public static OfInt ofInt(int initial) {
        return new OfInt(initial, true);
    }

    /** A shared long with a lock (Python's {@code Value}). */
    public static OfLong ofLong(long initial) {
        return new OfLong(initial, true);
    }

    /** A shared double with a lock (Python's {@code Value}). */
    public static OfDouble ofDouble(double initial) {
        return new OfDouble(initial, true);
    }

    /** A shared byte with a lock (Python's {@code Value}). */
    public static OfByte ofByte(byte initial) {
        return new OfByte(initial, true);
    }

    /** A shared char with a lock (Python's {@code Value}). */
    public static OfChar ofChar(char initial) {
        return new OfChar(initial, true);
    }

    /** A shared boolean with a lock (Python's {@code Value}). */
    public static OfBoolean ofBoolean(boolean initial) {
        return new OfBoolean(initial, true);
    }

    /** A shared int. */
    public static final class OfInt extends Value {
        private static final long serialVersionUID = 1L;

        OfInt(int initial, boolean withLock) {
            super(Kind.INT, withLock);
            set(initial);
        }

        OfInt(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code v.value}. */
        public int get() {
            return region.getIntAcquire(data);
        }

        /** Python's {@code v.value = value}. */
        public void set(int value) {
            region.putIntRelease(data, value);
        }

        /**
         * Adds {@code delta} and returns the new value: under the lock (so it composes with code holding the
         * lock), or as one atomic operation for a raw value.
         */
        public int addAndGet(int delta) {
            if (lock == null) {
                return region.getAndAddInt(data, delta) + delta;
            }
            lock.acquire();
            try {
                int next = get() + delta;
                set(next);
                return next;
            } finally {
                lock.release();
            }
        }

        @Override
        public String toString() {
            return "Value<int>(" + get() + ")";
        }
    }

    /** A shared long. */
    public static final class OfLong extends Value {
        private static final long serialVersionUID = 1L;

        OfLong(long initial, boolean withLock) {
            super(Kind.LONG, withLock);
            set(initial);
        }

        OfLong(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code v.value}. */
        public long get() {
            return region.getLongAcquire(data);
        }

        /** Python's {@code v.value = value}. */
        public void set(long value) {
            region.putLongRelease(data, value);
        }

        /**
         * Adds {@code delta} and returns the new value: under the lock (so it composes with code holding the
         * lock), or as one atomic operation for a raw value.
         */
        public long addAndGet(long delta) {
            if (lock == null) {
                return region.getAndAddLong(data, delta) + delta;
            }
            lock.acquire();
            try {
                long next = get() + delta;
                set(next);
                return next;
            } finally {
                lock.release();
            }
        }

        @Override
        public String toString() {
            return "Value<long>(" + get() + ")";
        }
    }

    /** A shared double. */
    public static final class OfDouble extends Value {
        private static final long serialVersionUID = 1L;

        OfDouble(double initial, boolean withLock) {
            super(Kind.DOUBLE, withLock);
            set(initial);
        }

        OfDouble(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code v.value}. */
        public double get() {
            return Double.longBitsToDouble(region.getLongAcquire(data));
        }

        /** Python's {@code v.value = value}. */
        public void set(double value) {
            region.putLongRelease(data, Double.doubleToRawLongBits(value));
        }

        /**
         * Adds {@code delta} and returns the new value: under the lock (so it composes with code holding the
         * lock), or as one atomic operation for a raw value.
         */
        public double addAndGet(double delta) {
            if (lock == null) {
                while (true) {
                    long bits = region.getLongAcquire(data);
                    double next = Double.longBitsToDouble(bits) + delta;
                    if (region.compareAndSetLong(data, bits, Double.doubleToRawLongBits(next))) {
                        return next;
                    }
                }
            }
            lock.acquire();
            try {
                double next = get() + delta;
                set(next);
                return next;
            } finally {
                lock.release();
            }
        }

        @Override
        public String toString() {
            return "Value<double>(" + get() + ")";
        }
    }

    /** A shared byte. */
    public static final class OfByte extends Value {
        private static final long serialVersionUID = 1L;

        OfByte(byte initial, boolean withLock) {
            super(Kind.BYTE, withLock);
            set(initial);
        }

        OfByte(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code v.value}. */
        public byte get() {
            return (byte) region.getIntAcquire(data);
        }

        /** Python's {@code v.value = value}. */
        public void set(byte value) {
            region.putIntRelease(data, value);
        }

        @Override
        public String toString() {
            return "Value<byte>(" + get() + ")";
        }
    }

    /** A shared char. */
    public static final class OfChar extends Value {
        private static final long serialVersionUID = 1L;

        OfChar(char initial, boolean withLock) {
            super(Kind.CHAR, withLock);
            set(initial);
        }

        OfChar(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code v.value}. */
        public char get() {
            return (char) region.getIntAcquire(data);
        }

        /** Python's {@code v.value = value}. */
        public void set(char value) {
            region.putIntRelease(data, value);
        }

        @Override
        public String toString() {
            return "Value<char>(" + get() + ")";
        }
    }

    /** A shared boolean. */
    public static final class OfBoolean extends Value {
        private static final long serialVersionUID = 1L;

        OfBoolean(boolean initial, boolean withLock) {
            super(Kind.BOOLEAN, withLock);
            set(initial);
        }

        OfBoolean(SharedRegion region, long senderPid) {
            super(region, senderPid);
        }

        /** Python's {@code v.value}. */
        public boolean get() {
            return region.getIntAcquire(data) != 0;
        }

        /** Python's {@code v.value = value}. */
        public void set(boolean value) {
            region.putIntRelease(data, value ? 1 : 0);
        }

        @Override
        public String toString() {
            return "Value<boolean>(" + get() + ")";
        }
    }
}
