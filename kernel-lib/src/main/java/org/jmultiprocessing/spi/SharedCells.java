package org.jmultiprocessing.spi;

/**
 * The shared values and arrays of primitives of a backend (Python's {@code Value}, {@code Array} and their raw
 * variants); arguments are checked by the public classes. New arrays hold zeros.
 */
public interface SharedCells {
    /** The most elements of {@code elementSize} bytes an array may have. */
    int maxArrayLength(int elementSize);

    ValueImpl.OfInt intValue(int initial, boolean withLock);

    ValueImpl.OfLong longValue(long initial, boolean withLock);

    ValueImpl.OfDouble doubleValue(double initial, boolean withLock);

    ValueImpl.OfByte byteValue(byte initial, boolean withLock);

    ValueImpl.OfChar charValue(char initial, boolean withLock);

    ValueImpl.OfBoolean booleanValue(boolean initial, boolean withLock);

    ArrayImpl.OfInt intArray(int length, boolean withLock);

    ArrayImpl.OfLong longArray(int length, boolean withLock);

    ArrayImpl.OfDouble doubleArray(int length, boolean withLock);

    ArrayImpl.OfByte byteArray(int length, boolean withLock);

    ArrayImpl.OfChar charArray(int length, boolean withLock);

    ArrayImpl.OfBoolean booleanArray(int length, boolean withLock);
}
