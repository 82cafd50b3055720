package org.jmultiprocessing;

import java.io.Serializable;

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
public abstract class Value implements Serializable {
    private static final long serialVersionUID = 1L;

    static final int INT = 1;
    static final int LONG = 2;
    static final int DOUBLE = 3;
    static final int BYTE = 4;
    static final int CHAR = 5;
    static final int BOOLEAN = 6;

    final transient Cells cells;
    final transient SharedRegion region;
    final transient int data;

    Value(Cells cells, long senderPid) {
        this.cells = cells;
        this.region = cells.region;
        this.data = cells.data;
        if (senderPid == 0) {
            region.hold(this, 0);
        } else {
            region.acceptTransit(this, 0, senderPid);
        }
    }

    /**
     * The lock guarding this value (Python's {@code get_lock()}); an {@link IllegalStateException} for a
     * raw value.
     */
    public RLock getLock() {
        return cells.lock();
    }

    /** Runs {@code action} while holding this value's lock. */
    public void withLock(Runnable action) {
        RLock lock = getLock();
        lock.acquire();
        try {
            action.run();
        } finally {
            lock.release();
        }
    }

    Object writeReplace() {
        return SharedHandle.of(region, 0, Value::attach);
    }

    private static Value attach(SharedRegion region, long senderPid) {
        Cells cells = Cells.attach(region);
        switch (cells.kind) {            case INT:
                return new OfInt(cells, senderPid);            case LONG:
                return new OfLong(cells, senderPid);            case DOUBLE:
                return new OfDouble(cells, senderPid);            case BYTE:
                return new OfByte(cells, senderPid);            case CHAR:
                return new OfChar(cells, senderPid);            case BOOLEAN:
                return new OfBoolean(cells, senderPid);            default:
                throw new IllegalStateException("unknown value kind " + cells.kind);
        }
    }

    /** A shared int with a lock (Python's {@code Value}). */
    public static OfInt ofInt(int initial) {
        return createInt(initial, true);
    }

    static OfInt createInt(int initial, boolean withLock) {
        OfInt value = new OfInt(Cells.create(INT, 1, 8, withLock), 0);
        value.set(initial);
        return value;
    }

    /** A shared long with a lock (Python's {@code Value}). */
    public static OfLong ofLong(long initial) {
        return createLong(initial, true);
    }

    static OfLong createLong(long initial, boolean withLock) {
        OfLong value = new OfLong(Cells.create(LONG, 1, 8, withLock), 0);
        value.set(initial);
        return value;
    }

    /** A shared double with a lock (Python's {@code Value}). */
    public static OfDouble ofDouble(double initial) {
        return createDouble(initial, true);
    }

    static OfDouble createDouble(double initial, boolean withLock) {
        OfDouble value = new OfDouble(Cells.create(DOUBLE, 1, 8, withLock), 0);
        value.set(initial);
        return value;
    }

    /** A shared byte with a lock (Python's {@code Value}). */
    public static OfByte ofByte(byte initial) {
        return createByte(initial, true);
    }

    static OfByte createByte(byte initial, boolean withLock) {
        OfByte value = new OfByte(Cells.create(BYTE, 1, 8, withLock), 0);
        value.set(initial);
        return value;
    }

    /** A shared char with a lock (Python's {@code Value}). */
    public static OfChar ofChar(char initial) {
        return createChar(initial, true);
    }

    static OfChar createChar(char initial, boolean withLock) {
        OfChar value = new OfChar(Cells.create(CHAR, 1, 8, withLock), 0);
        value.set(initial);
        return value;
    }

    /** A shared boolean with a lock (Python's {@code Value}). */
    public static OfBoolean ofBoolean(boolean initial) {
        return createBoolean(initial, true);
    }

    static OfBoolean createBoolean(boolean initial, boolean withLock) {
        OfBoolean value = new OfBoolean(Cells.create(BOOLEAN, 1, 8, withLock), 0);
        value.set(initial);
        return value;
    }

    /** A shared int. */
    public static final class OfInt extends Value {
        private static final long serialVersionUID = 1L;

        OfInt(Cells cells, long senderPid) {
            super(cells, senderPid);
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
            if (cells.lock == null) {
                return region.getAndAddInt(data, delta) + delta;
            }
            cells.lock.acquire();
            try {
                int next = get() + delta;
                set(next);
                return next;
            } finally {
                cells.lock.release();
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

        OfLong(Cells cells, long senderPid) {
            super(cells, senderPid);
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
            if (cells.lock == null) {
                return region.getAndAddLong(data, delta) + delta;
            }
            cells.lock.acquire();
            try {
                long next = get() + delta;
                set(next);
                return next;
            } finally {
                cells.lock.release();
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

        OfDouble(Cells cells, long senderPid) {
            super(cells, senderPid);
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
            if (cells.lock == null) {
                while (true) {
                    long bits = region.getLongAcquire(data);
                    double next = Double.longBitsToDouble(bits) + delta;
                    if (region.compareAndSetLong(data, bits, Double.doubleToRawLongBits(next))) {
                        return next;
                    }
                }
            }
            cells.lock.acquire();
            try {
                double next = get() + delta;
                set(next);
                return next;
            } finally {
                cells.lock.release();
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

        OfByte(Cells cells, long senderPid) {
            super(cells, senderPid);
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

        OfChar(Cells cells, long senderPid) {
            super(cells, senderPid);
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

        OfBoolean(Cells cells, long senderPid) {
            super(cells, senderPid);
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
