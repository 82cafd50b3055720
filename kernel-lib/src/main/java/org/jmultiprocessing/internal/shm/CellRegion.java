package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.CellsDescriptor.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;

import org.jmultiprocessing.spi.LockImpl;

/**
 * What every value and array in shared memory has (layout in {@link CellsDescriptor}): the region, its
 * mapped bytes, how many elements there are, and the optional recursive lock. Cells have no {@code close()}:
 * they are held until collected, so their accesses need no counting, and their region is pinned, so the
 * mapping lives as long as the buffer kept here does: the accessors go to the buffer straight.
 */
abstract class CellRegion {
    /** Where the elements start, the same in every region. */
    static final int DATA = RegionDescriptor.HEADER_LENGTH + DATA_OFFSET;
    static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    final SharedRegion region;
    final MappedByteBuffer buffer;
    final int length;
    final SharedRLock lock;

    /** The cells in {@code region} holding elements of {@code kind}, received from {@code senderPid}, or (0) just created. */
    CellRegion(SharedRegion region, long senderPid, int kind) {
        this.region = region;
        int base = RegionDescriptor.HEADER_LENGTH;
        int found = region.getIntVolatile(base + KIND_OFFSET);
        if (found != kind) {
            throw new IllegalStateException("element kind " + found + " in " + region.path() + ", expected " + kind);
        }
        this.length = region.getIntVolatile(base + LENGTH_OFFSET);
        if (senderPid == 0) {
            region.holdUntilCollected(this, 0);
        } else {
            region.acceptTransitUntilCollected(this, 0, senderPid);
        }
        this.buffer = region.buffer();
        this.lock = region.getIntVolatile(base + HAS_LOCK_OFFSET) == 1 ? new SharedRLock(region) : null;
    }

    /** A new region for {@code length} zeros of {@code kind}, {@code elementSize} bytes apart (the length is checked). */
    static SharedRegion create(int kind, int length, int elementSize, boolean withLock) {
        SharedRegion region = SharedRegion.create(withLock ? "value" : "raw-value", CellsDescriptor.length(length, elementSize));
        int base = RegionDescriptor.HEADER_LENGTH;
        SemaphoreDescriptor.initialize(region, base + LOCK_OFFSET, 1, 1);
        region.putIntVolatile(base + HAS_LOCK_OFFSET, withLock ? 1 : 0);
        region.putIntVolatile(base + KIND_OFFSET, kind);
        region.putIntVolatile(base + LENGTH_OFFSET, length);
        return region;
    }

    public final int length() {
        return length;
    }

    public final LockImpl lock() {
        return lock;
    }
}
