package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.CellsDescriptor.*;

import org.jmultiprocessing.spi.ArrayImpl;
import org.jmultiprocessing.spi.SharedCells;
import org.jmultiprocessing.spi.ValueImpl;

/** The values and arrays of the process backend: each in a memory-mapped file of its own. */
public final class SharedMemoryCells implements SharedCells {
    public static final SharedMemoryCells INSTANCE = new SharedMemoryCells();

    private SharedMemoryCells() {
    }

    @Override
    public int maxArrayLength(int elementSize) {
        return CellsDescriptor.maxElements(elementSize);
    }

    private static SharedRegion valueRegion(int kind, boolean withLock) {
        return CellRegion.create(kind, 1, VALUE_SLOT_LENGTH, withLock);
    }

    @Override
    public ValueImpl.OfInt intValue(int initial, boolean withLock) {
        SharedValues.OfInt value = new SharedValues.OfInt(valueRegion(KIND_INT, withLock), 0);
        value.set(initial);
        return value;
    }

    @Override
    public ValueImpl.OfLong longValue(long initial, boolean withLock) {
        SharedValues.OfLong value = new SharedValues.OfLong(valueRegion(KIND_LONG, withLock), 0);
        value.set(initial);
        return value;
    }

    @Override
    public ValueImpl.OfDouble doubleValue(double initial, boolean withLock) {
        SharedValues.OfDouble value = new SharedValues.OfDouble(valueRegion(KIND_DOUBLE, withLock), 0);
        value.set(initial);
        return value;
    }

    @Override
    public ValueImpl.OfByte byteValue(byte initial, boolean withLock) {
        SharedValues.OfByte value = new SharedValues.OfByte(valueRegion(KIND_BYTE, withLock), 0);
        value.set(initial);
        return value;
    }

    @Override
    public ValueImpl.OfChar charValue(char initial, boolean withLock) {
        SharedValues.OfChar value = new SharedValues.OfChar(valueRegion(KIND_CHAR, withLock), 0);
        value.set(initial);
        return value;
    }

    @Override
    public ValueImpl.OfBoolean booleanValue(boolean initial, boolean withLock) {
        SharedValues.OfBoolean value = new SharedValues.OfBoolean(valueRegion(KIND_BOOLEAN, withLock), 0);
        value.set(initial);
        return value;
    }

    @Override
    public ArrayImpl.OfInt intArray(int length, boolean withLock) {
        return new SharedArrays.OfInt(CellRegion.create(KIND_INT, length, 4, withLock), 0);
    }

    @Override
    public ArrayImpl.OfLong longArray(int length, boolean withLock) {
        return new SharedArrays.OfLong(CellRegion.create(KIND_LONG, length, 8, withLock), 0);
    }

    @Override
    public ArrayImpl.OfDouble doubleArray(int length, boolean withLock) {
        return new SharedArrays.OfDouble(CellRegion.create(KIND_DOUBLE, length, 8, withLock), 0);
    }

    @Override
    public ArrayImpl.OfByte byteArray(int length, boolean withLock) {
        return new SharedArrays.OfByte(CellRegion.create(KIND_BYTE, length, 1, withLock), 0);
    }

    @Override
    public ArrayImpl.OfChar charArray(int length, boolean withLock) {
        return new SharedArrays.OfChar(CellRegion.create(KIND_CHAR, length, 2, withLock), 0);
    }

    @Override
    public ArrayImpl.OfBoolean booleanArray(int length, boolean withLock) {
        return new SharedArrays.OfBoolean(CellRegion.create(KIND_BOOLEAN, length, 1, withLock), 0);
    }
}
