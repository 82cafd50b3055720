package org.jmultiprocessing.spi;

/**
 * The mechanisms behind {@code Array.OfInt}, {@code Array.OfLong}, ...: a fixed number of primitives, read with
 * acquire and written with release semantics. Indexes are checked by the public classes.
 */
public interface ArrayImpl {
    interface OfInt extends CellsImpl<OfInt> {
        int get(int index);

        void set(int index, int value);
    }

    interface OfLong extends CellsImpl<OfLong> {
        long get(int index);

        void set(int index, long value);
    }

    interface OfDouble extends CellsImpl<OfDouble> {
        double get(int index);

        void set(int index, double value);
    }

    interface OfByte extends CellsImpl<OfByte> {
        byte get(int index);

        void set(int index, byte value);
    }

    interface OfChar extends CellsImpl<OfChar> {
        char get(int index);

        void set(int index, char value);
    }

    interface OfBoolean extends CellsImpl<OfBoolean> {
        boolean get(int index);

        void set(int index, boolean value);
    }
}
