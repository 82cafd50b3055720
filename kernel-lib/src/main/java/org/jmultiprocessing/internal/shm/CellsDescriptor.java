package org.jmultiprocessing.internal.shm;

/**
 * Layout of a {@code Value} or {@code Array} (and their raw variants) in its region's payload: the lock,
 * then the elements.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  RLock (SemaphoreDescriptor, one cache line)  |   0
 *  |                  unused by raw values and arrays              |
 *  +---------------------------------------------------------------+
 *  |                  Has lock: 1, or 0 for raw                    |  64
 *  +---------------------------------------------------------------+
 *  |                  Element kind (KIND_... below)                |  68
 *  +---------------------------------------------------------------+
 *  |                  Length in elements (1 for a Value)           |  72
 *  +---------------------------------------------------------------+
 *  |                  Padding to 128 bytes ...                     |  76
 *  +---------------------------------------------------------------+
 *  |                  Elements, native byte order, each at a       | 128
 *  |                  multiple of its size ...                     |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * A scalar {@code Value} keeps its element in an 8-byte slot ({@link #VALUE_SLOT_LENGTH}; a byte, char or
 * boolean as an int) so every kind is read and written with one atomic access.
 */
final class CellsDescriptor {
    /** 0: every counter sits at the start of its region's payload (see SharedSemLock). */
    public static final int LOCK_OFFSET = 0;
    public static final int HAS_LOCK_OFFSET = 64;
    public static final int KIND_OFFSET = 68;
    public static final int LENGTH_OFFSET = 72;
    public static final int DATA_OFFSET = 128;
    public static final int VALUE_SLOT_LENGTH = 8;

    public static final int KIND_INT = 1;
    public static final int KIND_LONG = 2;
    public static final int KIND_DOUBLE = 3;
    public static final int KIND_BYTE = 4;
    public static final int KIND_CHAR = 5;
    public static final int KIND_BOOLEAN = 6;

    private CellsDescriptor() {
    }

    /** The most elements of {@code elementSize} bytes that fit in a region. */
    public static int maxElements(int elementSize) {
        return (RegionDescriptor.MAX_PAYLOAD_LENGTH - DATA_OFFSET) / elementSize;
    }

    /** Payload bytes for {@code elements} of {@code elementSize} bytes, at most {@link #maxElements}. */
    public static int length(int elements, int elementSize) {
        return DATA_OFFSET + Math.max(8, elements * elementSize);
    }
}
