package org.jmultiprocessing.internal.shm;

/**
 * Layout of a pipe in its region's payload: a flag and one {@link RingDescriptor message ring} per
 * direction. End 0 reads the first ring and writes the second; end 1 the other way round. A one-way pipe
 * ({@code duplex == 0}) uses the first ring only: end 0 receives, end 1 sends, as in Python.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Duplex: 1 two-way, 0 one-way                 |  0
 *  +---------------------------------------------------------------+
 *  |                  Padding to 64 bytes ...                      |  4
 *  +---------------------------------------------------------------+
 *  |                  Ring to end 0 (written by end 1) ...         | 64
 *  +---------------------------------------------------------------+
 *  |                  Ring to end 1 (written by end 0) ...         | 64 + ring length
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Each end is a hold group of the region ({@link RegionDescriptor}): a reader sees end-of-file once nothing
 * is buffered and no live process holds the other end.
 */
final class PipeDescriptor {
    static final int DUPLEX_OFFSET = 0;
    static final int FIRST_RING_OFFSET = 64;
    static final int RING_CAPACITY = 1 << 20;

    private PipeDescriptor() {
    }

    static int ringOffsetTo(int end) {
        return FIRST_RING_OFFSET + end * RingDescriptor.length(RING_CAPACITY);
    }

    static int length(boolean duplex) {
        return FIRST_RING_OFFSET + (duplex ? 2 : 1) * RingDescriptor.length(RING_CAPACITY);
    }
}
