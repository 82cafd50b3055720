package org.jmultiprocessing.internal.shm;

/**
 * Layout of the header at the start of every shared-memory file the library creates.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        Magic 'JMPR'                           |  0
 *  +---------------------------------------------------------------+
 *  |                        Layout version                         |  4
 *  +---------------------------------------------------------------+
 *  |                        Payload length                         |  8
 *  +---------------------------------------------------------------+
 *  |                   Padding to 64 bytes ...                     | 12
 *  +---------------------------------------------------------------+
 *  |                  Holder slot 0: process id (long)             | 64
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  Slot 0: holds of group 0                     | 72
 *  +---------------------------------------------------------------+
 *  |                  Slot 0: holds of group 1                     | 76
 *  +---------------------------------------------------------------+
 *  |                  Slot 0: copies in transit, group 0           | 80
 *  +---------------------------------------------------------------+
 *  |                  Slot 0: copies in transit, group 1           | 84
 *  +---------------------------------------------------------------+
 *  |                  Padding to 32 bytes                          | 88
 *  +---------------------------------------------------------------+
 *  |                  Holder slots 1 .. 125, 32 bytes each ...     | 96
 *  +---------------------------------------------------------------+
 *  |                  Payload (object specific layout) ...         | 4096
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>A hold is one live Java object in one process that uses the file (a {@code Queue} instance, one end of a
 * {@code Pipe}, ...). A copy in transit is one serialized copy on its way to another process: counted for
 * the sender, or, once {@link Transfers} knows which child it is for, for that child, until the receiver
 * attaches (and for no longer than the process it is counted for lives), so the file and the pipe end
 * survive the parent closing its own copy right after starting the child. Groups distinguish the two ends of a pipe; other objects use group 0 only. The file is
 * unlinked when no live process holds it any more, and the receiving end of a pipe sees end-of-file when no
 * live process holds the sending end.
 */
public final class RegionDescriptor {
    public static final int MAGIC = 0x524D504A;
    public static final int VERSION = 1;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int PAYLOAD_LENGTH_OFFSET = 8;

    public static final int HOLDER_TABLE_OFFSET = 64;
    public static final int HOLDER_SLOT_LENGTH = 32;
    public static final int HOLDER_PID_OFFSET = 0;
    public static final int HOLDER_GROUP_COUNT_OFFSET = 8;
    public static final int HOLDER_TRANSIT_COUNT_OFFSET = 16;
    public static final int GROUPS = 2;

    public static final int HEADER_LENGTH = 4096;
    public static final int HOLDER_SLOTS = (HEADER_LENGTH - HOLDER_TABLE_OFFSET) / HOLDER_SLOT_LENGTH;
    /**
     * The largest payload: a file is mapped as one buffer, whose offsets are ints, and a mapped segment
     * (JDK 22 and later) becomes a buffer only up to the JDK's largest array length, 8 below the largest int.
     */
    public static final int MAX_PAYLOAD_LENGTH = Integer.MAX_VALUE - 8 - HEADER_LENGTH;

    /** Cache lines between independently written words, so writers in different processes do not collide. */
    public static final int CACHE_LINE = 64;

    private RegionDescriptor() {
    }

    public static int holderSlotOffset(int slot) {
        return HOLDER_TABLE_OFFSET + slot * HOLDER_SLOT_LENGTH;
    }

    public static int holderCountOffset(int slot, int group) {
        return holderSlotOffset(slot) + HOLDER_GROUP_COUNT_OFFSET + group * 4;
    }

    public static int transitCountOffset(int slot, int group) {
        return holderSlotOffset(slot) + HOLDER_TRANSIT_COUNT_OFFSET + group * 4;
    }
}
