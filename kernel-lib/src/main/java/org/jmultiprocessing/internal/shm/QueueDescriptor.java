package org.jmultiprocessing.internal.shm;

/**
 * Layout of a queue ({@code Queue}, {@code JoinableQueue}, {@code SimpleQueue}) in its region's payload:
 * counters, then the {@link RingDescriptor message ring} that carries the items.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Size: items put and not yet taken (long)     |    0
 *  +---------------------------------------------------------------+
 *  |                  Unfinished tasks (long, JoinableQueue)       |   64
 *  +---------------------------------------------------------------+
 *  |                  Maximum size, 0 for unbounded                |  128
 *  +---------------------------------------------------------------+
 *  |                  Message ring ...                             |  192
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * The size is reserved by {@code put} before the item is written (so a bounded queue blocks the putter when
 * full, and {@code qsize()} counts an item as soon as {@code put} returns) and released by {@code get} after
 * the item is read.
 */
final class QueueDescriptor {
    static final int SIZE_OFFSET = 0;
    static final int UNFINISHED_TASKS_OFFSET = 64;
    static final int MAX_SIZE_OFFSET = 128;
    static final int RING_OFFSET = 192;

    /** Ring bytes per queue: the file is sparse, so only pages the items actually touch use memory. */
    static final int DEFAULT_RING_CAPACITY = 1 << 20;

    private QueueDescriptor() {
    }

    static int length(int ringCapacity) {
        return RING_OFFSET + RingDescriptor.length(ringCapacity);
    }
}
