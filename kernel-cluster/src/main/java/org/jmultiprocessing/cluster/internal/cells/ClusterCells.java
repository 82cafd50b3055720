package org.jmultiprocessing.cluster.internal.cells;

import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.ArrayImpl;
import org.jmultiprocessing.spi.SharedCells;
import org.jmultiprocessing.spi.ValueImpl;

/**
 * The values and arrays of the cluster backend: entries of the session's sync map changed by entry
 * processors (see {@link Cells}). A synchronized one's {@code getLock()} is an RLock of the cluster.
 */
public final class ClusterCells implements SharedCells {
    /** The largest entry: the whole array travels when a member takes over its partition. */
    private static final int MAX_BYTES = 16 << 20;

    private final Site site;

    public ClusterCells(Site site) {
        this.site = site;
    }

    @Override
    public int maxArrayLength(int elementSize) {
        return MAX_BYTES / elementSize;
    }

    @Override
    public ValueImpl.OfInt intValue(int initial, boolean withLock) {
        return new ClusterValues.OfInt(Cells.create(site, "value", 1, 4, initial, withLock));
    }

    @Override
    public ValueImpl.OfLong longValue(long initial, boolean withLock) {
        return new ClusterValues.OfLong(Cells.create(site, "value", 1, 8, initial, withLock));
    }

    @Override
    public ValueImpl.OfDouble doubleValue(double initial, boolean withLock) {
        return new ClusterValues.OfDouble(Cells.create(site, "value", 1, 8, Double.doubleToRawLongBits(initial), withLock));
    }

    @Override
    public ValueImpl.OfByte byteValue(byte initial, boolean withLock) {
        return new ClusterValues.OfByte(Cells.create(site, "value", 1, 1, initial, withLock));
    }

    @Override
    public ValueImpl.OfChar charValue(char initial, boolean withLock) {
        return new ClusterValues.OfChar(Cells.create(site, "value", 1, 2, initial, withLock));
    }

    @Override
    public ValueImpl.OfBoolean booleanValue(boolean initial, boolean withLock) {
        return new ClusterValues.OfBoolean(Cells.create(site, "value", 1, 1, (initial ? 1 : 0), withLock));
    }

    @Override
    public ArrayImpl.OfInt intArray(int length, boolean withLock) {
        return new ClusterArrays.OfInt(Cells.create(site, "array", length, 4, 0, withLock));
    }

    @Override
    public ArrayImpl.OfLong longArray(int length, boolean withLock) {
        return new ClusterArrays.OfLong(Cells.create(site, "array", length, 8, 0, withLock));
    }

    @Override
    public ArrayImpl.OfDouble doubleArray(int length, boolean withLock) {
        return new ClusterArrays.OfDouble(Cells.create(site, "array", length, 8, 0, withLock));
    }

    @Override
    public ArrayImpl.OfByte byteArray(int length, boolean withLock) {
        return new ClusterArrays.OfByte(Cells.create(site, "array", length, 1, 0, withLock));
    }

    @Override
    public ArrayImpl.OfChar charArray(int length, boolean withLock) {
        return new ClusterArrays.OfChar(Cells.create(site, "array", length, 2, 0, withLock));
    }

    @Override
    public ArrayImpl.OfBoolean booleanArray(int length, boolean withLock) {
        return new ClusterArrays.OfBoolean(Cells.create(site, "array", length, 1, 0, withLock));
    }
}
