package org.jmultiprocessing.spi;

/**
 * The mechanisms behind {@code Value.OfInt}, {@code Value.OfLong}, ...: one primitive each. {@code addAndGet}
 * runs under the value's lock when it has one (so it composes with code holding the lock), else as one
 * atomic operation.
 */
public interface ValueImpl {
    interface OfInt extends CellsImpl<OfInt> {
        int get();

        void set(int value);

        int addAndGet(int delta);
    }

    interface OfLong extends CellsImpl<OfLong> {
        long get();

        void set(long value);

        long addAndGet(long delta);
    }

    interface OfDouble extends CellsImpl<OfDouble> {
        double get();

        void set(double value);

        double addAndGet(double delta);
    }

    interface OfByte extends CellsImpl<OfByte> {
        byte get();

        void set(byte value);
    }

    interface OfChar extends CellsImpl<OfChar> {
        char get();

        void set(char value);
    }

    interface OfBoolean extends CellsImpl<OfBoolean> {
        boolean get();

        void set(boolean value);
    }
}
