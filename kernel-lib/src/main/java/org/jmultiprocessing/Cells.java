package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.CellsDescriptor.*;

import java.io.Serializable;

import org.jmultiprocessing.internal.shm.CellsDescriptor;
import org.jmultiprocessing.internal.shm.RegionDescriptor;
import org.jmultiprocessing.internal.shm.SemaphoreDescriptor;
import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * What {@link Value} and {@link Array} have in common: the region, where the elements start, how many there
 * are, and the optional lock (layout in {@link CellsDescriptor}).
 */
abstract class Cells implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The element types, with their code in the layout and their size in an array. */
    enum Kind {
        INT(1, 4), LONG(2, 8), DOUBLE(3, 8), BYTE(4, 1), CHAR(5, 2), BOOLEAN(6, 1);

        final int code;
        final int size;

        Kind(int code, int size) {
            this.code = code;
            this.size = size;
        }

        /** The kind of the elements in {@code region}. */
        static Kind in(SharedRegion region) {
            int code = region.getIntVolatile(RegionDescriptor.HEADER_LENGTH + KIND_OFFSET);
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new IllegalStateException("unknown element kind " + code + " in " + region.path());
        }
    }

    final transient SharedRegion region;
    final transient int data;
    final transient int length;
    final transient RLock lock;

    /** New cells: {@code length} zeros of {@code kind}, {@code elementSize} bytes apart. */
    Cells(Kind kind, int length, int elementSize, boolean withLock) {
        this(createRegion(kind, length, elementSize, withLock), 0);
        RichDisplay.install();
    }

    /** The cells in {@code region}, received from {@code senderPid}, or (0) just created. */
    Cells(SharedRegion region, long senderPid) {
        this.region = region;
        int base = RegionDescriptor.HEADER_LENGTH;
        this.data = base + DATA_OFFSET;
        this.length = region.getIntVolatile(base + LENGTH_OFFSET);
        // Cells have no close(): held until collected, so their accesses need no counting (nor does the lock's).
        if (senderPid == 0) {
            region.holdUntilCollected(this, 0);
        } else {
            region.acceptTransitUntilCollected(this, 0, senderPid);
        }
        this.lock = region.getIntVolatile(base + HAS_LOCK_OFFSET) == 1 ? new RLock(region, base + LOCK_OFFSET) : null;
    }

    /** The receiving process's copy of cells sent as an array or as a value: the typed view of their kind. */
    static Cells received(SharedRegion region, long senderPid, boolean array) {
        return switch (Kind.in(region)) {
            case INT -> array ? new Array.OfInt(region, senderPid) : new Value.OfInt(region, senderPid);
            case LONG -> array ? new Array.OfLong(region, senderPid) : new Value.OfLong(region, senderPid);
            case DOUBLE -> array ? new Array.OfDouble(region, senderPid) : new Value.OfDouble(region, senderPid);
            case BYTE -> array ? new Array.OfByte(region, senderPid) : new Value.OfByte(region, senderPid);
            case CHAR -> array ? new Array.OfChar(region, senderPid) : new Value.OfChar(region, senderPid);
            case BOOLEAN -> array ? new Array.OfBoolean(region, senderPid) : new Value.OfBoolean(region, senderPid);
        };
    }

    private static SharedRegion createRegion(Kind kind, int length, int elementSize, boolean withLock) {
        int maxLength = CellsDescriptor.maxElements(elementSize);
        if (length < 0 || length > maxLength) {
            throw new IllegalArgumentException("array length must be between 0 and " + maxLength + " for "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " elements, got " + length);
        }
        SharedRegion region = SharedRegion.create(withLock ? "value" : "raw-value",
                CellsDescriptor.length(length, elementSize));
        int base = RegionDescriptor.HEADER_LENGTH;
        SemaphoreDescriptor.initialize(region, base + LOCK_OFFSET, 1, 1);
        region.putIntVolatile(base + HAS_LOCK_OFFSET, withLock ? 1 : 0);
        region.putIntVolatile(base + KIND_OFFSET, kind.code);
        region.putIntVolatile(base + LENGTH_OFFSET, length);
        return region;
    }

    /**
     * The lock guarding this value or array (Python's {@code get_lock()}); an {@link IllegalStateException}
     * for a raw one.
     */
    public RLock getLock() {
        if (lock == null) {
            throw new IllegalStateException("a raw value or array has no lock; create it with Value/Array instead of"
                    + " RawValue/RawArray, or guard it with a Lock of your own");
        }
        return lock;
    }

    /** Runs {@code action} while holding this value's or array's lock. */
    public void withLock(Runnable action) {
        RLock lock = getLock();
        lock.acquire();
        try {
            action.run();
        } finally {
            lock.release();
        }
    }
}
