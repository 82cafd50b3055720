package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.internal.codec.MessageCodec;

/**
 * Layout of a message ring: a byte ring in shared memory carrying framed messages from any number of
 * writers to any number of readers, one writer and one reader at a time (each side has its own lock, so a
 * writer never waits for a reader's lock and the ring itself is single-producer single-consumer).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Write lock: owner's process id, 0 when free  |    0
 *  +---------------------------------------------------------------+
 *  |                  Writer in frame: 1 while streaming a frame   |    4
 *  +---------------------------------------------------------------+
 *  |                  Read lock: owner's process id, 0 when free   |   64
 *  +---------------------------------------------------------------+
 *  |                  Reader in frame: 1 while draining a frame    |   68
 *  +---------------------------------------------------------------+
 *  |                  Tail: bytes ever written (long)              |  128
 *  +---------------------------------------------------------------+
 *  |                  Head: bytes ever read (long)                 |  192
 *  +---------------------------------------------------------------+
 *  |                  Capacity in bytes, a power of two            |  256
 *  +---------------------------------------------------------------+
 *  |                  Data: capacity bytes ...                     |  320
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * The lock words and the head, tail and capacity each have their own cache line; the in-frame flags share
 * their side's lock line, since only the lock's owner writes them. A lock whose owner died is taken over
 * unless its in-frame flag is set (a frame written whole, or read whole, is published with one store, so it
 * is never half visible). A message in the data is a frame:
 *
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                  Payload length                               |  0
 *  +---------------------------------------------------------------+
 *  |                  Payload type tag (see MessageCodec)          |  4
 *  +---------------------------------------------------------------+
 *  |                  Payload ...                                  |  8
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Frames wrap around the end of the data freely. A frame longer than the ring is streamed: the writer keeps
 * the write lock and publishes the tail chunk by chunk while the reader, holding the read lock, consumes it.
 * The writer publishes the tail with a release store after copying the bytes; the reader publishes the head
 * the same way after copying them out.
 */
final class RingDescriptor {
    static final int WRITE_LOCK_OFFSET = 0;
    static final int WRITE_IN_FRAME_OFFSET = 4;
    static final int READ_LOCK_OFFSET = 64;
    static final int READ_IN_FRAME_OFFSET = 68;
    static final int TAIL_OFFSET = 128;
    static final int HEAD_OFFSET = 192;
    static final int CAPACITY_OFFSET = 256;
    static final int DATA_OFFSET = 320;
    static final int FRAME_HEADER_LENGTH = 8;

    private RingDescriptor() {
    }

    /** Bytes a ring with this capacity occupies in its region. */
    static int length(int capacity) {
        return DATA_OFFSET + capacity;
    }

    static void initialize(SharedRegion region, int base, int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity < 64) {
            throw new IllegalArgumentException("ring capacity must be a power of two >= 64, got " + capacity);
        }
        region.putIntVolatile(base + CAPACITY_OFFSET, capacity);
    }
}
