package org.jmultiprocessing.internal.thread;

import org.jmultiprocessing.spi.ArrayImpl;
import org.jmultiprocessing.spi.SharedCells;
import org.jmultiprocessing.spi.ValueImpl;

/** The values and arrays of the thread backend: atomics and Java arrays of this JVM. */
final class ThreadCells implements SharedCells {
    static final ThreadCells INSTANCE = new ThreadCells();
    /** The JDK's largest array length, which the heap may still refuse. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private ThreadCells() {
    }

    @Override
    public int maxArrayLength(int elementSize) {
        return MAX_ARRAY_LENGTH;
    }

    @Override
    public ValueImpl.OfInt intValue(int initial, boolean withLock) {
        return new ThreadValues.OfInt(initial, withLock);
    }

    @Override
    public ValueImpl.OfLong longValue(long initial, boolean withLock) {
        return new ThreadValues.OfLong(initial, withLock);
    }

    @Override
    public ValueImpl.OfDouble doubleValue(double initial, boolean withLock) {
        return new ThreadValues.OfDouble(initial, withLock);
    }

    @Override
    public ValueImpl.OfByte byteValue(byte initial, boolean withLock) {
        return new ThreadValues.OfByte(initial, withLock);
    }

    @Override
    public ValueImpl.OfChar charValue(char initial, boolean withLock) {
        return new ThreadValues.OfChar(initial, withLock);
    }

    @Override
    public ValueImpl.OfBoolean booleanValue(boolean initial, boolean withLock) {
        return new ThreadValues.OfBoolean(initial, withLock);
    }

    @Override
    public ArrayImpl.OfInt intArray(int length, boolean withLock) {
        return new ThreadArrays.OfInt(length, withLock);
    }

    @Override
    public ArrayImpl.OfLong longArray(int length, boolean withLock) {
        return new ThreadArrays.OfLong(length, withLock);
    }

    @Override
    public ArrayImpl.OfDouble doubleArray(int length, boolean withLock) {
        return new ThreadArrays.OfDouble(length, withLock);
    }

    @Override
    public ArrayImpl.OfByte byteArray(int length, boolean withLock) {
        return new ThreadArrays.OfByte(length, withLock);
    }

    @Override
    public ArrayImpl.OfChar charArray(int length, boolean withLock) {
        return new ThreadArrays.OfChar(length, withLock);
    }

    @Override
    public ArrayImpl.OfBoolean booleanArray(int length, boolean withLock) {
        return new ThreadArrays.OfBoolean(length, withLock);
    }
}
