package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.CellsDescriptor.*;

import org.jmultiprocessing.internal.shm.CellsDescriptor;
import org.jmultiprocessing.internal.shm.RegionDescriptor;
import org.jmultiprocessing.internal.shm.SemaphoreDescriptor;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * The shared-memory plumbing common to {@link Value} and {@link Array}: the region, where the elements
 * start, and the optional lock (layout in {@link CellsDescriptor}).
 */
final class Cells {
    final SharedRegion region;
    final int data;
    final int length;
    final RLock lock;
    final int kind;

    private Cells(SharedRegion region) {
        this.region = region;
        int base = RegionDescriptor.HEADER_LENGTH;
        this.data = base + DATA_OFFSET;
        this.length = region.getIntVolatile(base + LENGTH_OFFSET);
        this.kind = region.getIntVolatile(base + KIND_OFFSET);
        this.lock = region.getIntVolatile(base + HAS_LOCK_OFFSET) == 1 ? new RLock(region, base + LOCK_OFFSET) : null;
    }

    static Cells create(int kind, int length, int elementSize, boolean withLock) {
        if (length < 0) {
            throw new IllegalArgumentException("array length must be >= 0, got " + length);
        }
        SharedRegion region = SharedRegion.create(withLock ? "value" : "raw-value",
                CellsDescriptor.length(length, elementSize));
        int base = RegionDescriptor.HEADER_LENGTH;
        SemaphoreDescriptor.initialize(region, base + LOCK_OFFSET, 1, 1);
        region.putIntVolatile(base + HAS_LOCK_OFFSET, withLock ? 1 : 0);
        region.putIntVolatile(base + KIND_OFFSET, kind);
        region.putIntVolatile(base + LENGTH_OFFSET, length);
        return new Cells(region);
    }

    static Cells attach(SharedRegion region) {
        return new Cells(region);
    }

    RLock lock() {
        if (lock == null) {
            throw new IllegalStateException("a raw value or array has no lock; create it with Value/Array instead of"
                    + " RawValue/RawArray, or guard it with a Lock of your own");
        }
        return lock;
    }
}
