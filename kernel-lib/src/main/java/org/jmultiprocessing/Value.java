package org.jmultiprocessing;

import org.jmultiprocessing.spi.CellsImpl;
import org.jmultiprocessing.spi.SharedCells;
import org.jmultiprocessing.spi.ValueImpl;

/**
 * One primitive in shared memory, seen by every thread and process it is passed to (Python's
 * {@code multiprocessing.Value}): {@code Value('i', 0)} is {@code Value.ofInt(0)}, and Python's
 * {@code v.value} is {@link OfInt#get()} / {@link OfInt#set(int)}. Kinds: int, long, double, byte, char,
 * boolean. {@code ctx.value().ofInt(0)} makes one of a given context ({@link Context#value()}).
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

    Value(CellsImpl<?> impl) {
        super(impl);
    }

    /**
     * Makes values of one context, with a lock ({@code ctx.value()}, Python's {@code ctx.Value}) or without
     * ({@code ctx.rawValue()}, Python's {@code ctx.RawValue}): {@code ctx.value().ofInt(0)}.
     */
    public static final class Factory {
        private final SharedCells cells;
        private final boolean withLock;

        Factory(Context context, boolean withLock) {
            this.cells = context.backend().cells();
            this.withLock = withLock;
        }

        private static <V extends Value> V created(V value) {
            RichDisplay.install();
            return value;
        }

        /** A shared int. */
        public OfInt ofInt(int initial) {
            return created(new OfInt(cells.intValue(initial, withLock)));
        }

        /** A shared long. */
        public OfLong ofLong(long initial) {
            return created(new OfLong(cells.longValue(initial, withLock)));
        }

        /** A shared double. */
        public OfDouble ofDouble(double initial) {
            return created(new OfDouble(cells.doubleValue(initial, withLock)));
        }

        /** A shared byte. */
        public OfByte ofByte(byte initial) {
            return created(new OfByte(cells.byteValue(initial, withLock)));
        }

        /** A shared char. */
        public OfChar ofChar(char initial) {
            return created(new OfChar(cells.charValue(initial, withLock)));
        }

        /** A shared boolean. */
        public OfBoolean ofBoolean(boolean initial) {
            return created(new OfBoolean(cells.booleanValue(initial, withLock)));
        }
    }

    /** A shared int with a lock (Python's {@code Value}). */
    public static OfInt ofInt(int initial) {
        return Context.defaultContext().value().ofInt(initial);
    }

    /** A shared long with a lock (Python's {@code Value}). */
    public static OfLong ofLong(long initial) {
        return Context.defaultContext().value().ofLong(initial);
    }

    /** A shared double with a lock (Python's {@code Value}). */
    public static OfDouble ofDouble(double initial) {
        return Context.defaultContext().value().ofDouble(initial);
    }

    /** A shared byte with a lock (Python's {@code Value}). */
    public static OfByte ofByte(byte initial) {
        return Context.defaultContext().value().ofByte(initial);
    }

    /** A shared char with a lock (Python's {@code Value}). */
    public static OfChar ofChar(char initial) {
        return Context.defaultContext().value().ofChar(initial);
    }

    /** A shared boolean with a lock (Python's {@code Value}). */
    public static OfBoolean ofBoolean(boolean initial) {
        return Context.defaultContext().value().ofBoolean(initial);
    }

    /** A shared int. */
    public static final class OfInt extends Value {
        private static final long serialVersionUID = 1L;

        private final transient ValueImpl.OfInt impl;

        OfInt(ValueImpl.OfInt impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfInt::new);
        }

        /** Python's {@code v.value}. */
        public int get() {
            return impl.get();
        }

        /** Python's {@code v.value = value}. */
        public void set(int value) {
            impl.set(value);
        }

        /**
         * Adds {@code delta} and returns the new value: under the lock (so it composes with code holding the
         * lock), or as one atomic operation for a raw value.
         */
        public int addAndGet(int delta) {
            return impl.addAndGet(delta);
        }

        @Override
        public String toString() {
            return "Value<int>(" + get() + ")";
        }
    }

    /** A shared long. */
    public static final class OfLong extends Value {
        private static final long serialVersionUID = 1L;

        private final transient ValueImpl.OfLong impl;

        OfLong(ValueImpl.OfLong impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfLong::new);
        }

        /** Python's {@code v.value}. */
        public long get() {
            return impl.get();
        }

        /** Python's {@code v.value = value}. */
        public void set(long value) {
            impl.set(value);
        }

        /**
         * Adds {@code delta} and returns the new value: under the lock (so it composes with code holding the
         * lock), or as one atomic operation for a raw value.
         */
        public long addAndGet(long delta) {
            return impl.addAndGet(delta);
        }

        @Override
        public String toString() {
            return "Value<long>(" + get() + ")";
        }
    }

    /** A shared double. */
    public static final class OfDouble extends Value {
        private static final long serialVersionUID = 1L;

        private final transient ValueImpl.OfDouble impl;

        OfDouble(ValueImpl.OfDouble impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfDouble::new);
        }

        /** Python's {@code v.value}. */
        public double get() {
            return impl.get();
        }

        /** Python's {@code v.value = value}. */
        public void set(double value) {
            impl.set(value);
        }

        /**
         * Adds {@code delta} and returns the new value: under the lock (so it composes with code holding the
         * lock), or as one atomic operation for a raw value.
         */
        public double addAndGet(double delta) {
            return impl.addAndGet(delta);
        }

        @Override
        public String toString() {
            return "Value<double>(" + get() + ")";
        }
    }

    /** A shared byte. */
    public static final class OfByte extends Value {
        private static final long serialVersionUID = 1L;

        private final transient ValueImpl.OfByte impl;

        OfByte(ValueImpl.OfByte impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfByte::new);
        }

        /** Python's {@code v.value}. */
        public byte get() {
            return impl.get();
        }

        /** Python's {@code v.value = value}. */
        public void set(byte value) {
            impl.set(value);
        }

        @Override
        public String toString() {
            return "Value<byte>(" + get() + ")";
        }
    }

    /** A shared char. */
    public static final class OfChar extends Value {
        private static final long serialVersionUID = 1L;

        private final transient ValueImpl.OfChar impl;

        OfChar(ValueImpl.OfChar impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfChar::new);
        }

        /** Python's {@code v.value}. */
        public char get() {
            return impl.get();
        }

        /** Python's {@code v.value = value}. */
        public void set(char value) {
            impl.set(value);
        }

        @Override
        public String toString() {
            return "Value<char>(" + get() + ")";
        }
    }

    /** A shared boolean. */
    public static final class OfBoolean extends Value {
        private static final long serialVersionUID = 1L;

        private final transient ValueImpl.OfBoolean impl;

        OfBoolean(ValueImpl.OfBoolean impl) {
            super(impl);
            this.impl = impl;
        }

        Object writeReplace() {
            return impl.transit(OfBoolean::new);
        }

        /** Python's {@code v.value}. */
        public boolean get() {
            return impl.get();
        }

        /** Python's {@code v.value = value}. */
        public void set(boolean value) {
            impl.set(value);
        }

        @Override
        public String toString() {
            return "Value<boolean>(" + get() + ")";
        }
    }
}
