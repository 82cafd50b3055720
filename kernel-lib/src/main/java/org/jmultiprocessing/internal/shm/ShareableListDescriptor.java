package org.jmultiprocessing.internal.shm;

/**
 * Layout of a {@code ShareableList} inside its {@code SharedMemory} block.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Item count                                   |  0
 *  +---------------------------------------------------------------+
 *  |                  Padding                                      |  4
 *  +---------------------------------------------------------------+
 *  |                  Item 0: type tag (MessageCodec tags)         |  8
 *  +---------------------------------------------------------------+
 *  |                  Item 0: capacity in bytes                    | 12
 *  +---------------------------------------------------------------+
 *  |                  Item 0: data offset from block start         | 16
 *  +---------------------------------------------------------------+
 *  |                  Item 0: data length in bytes                 | 20
 *  +---------------------------------------------------------------+
 *  |                  Items 1 .. count-1, 16 bytes each ...        | 24
 *  +---------------------------------------------------------------+
 *  |                  Item data, each at a multiple of 8 ...       |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * An item's capacity is fixed when the list is created (8 bytes, or its encoded length rounded up to 8), so
 * a replacement must fit in it, as in Python. Items are not written atomically, as in Python: guard
 * concurrent writers with a lock.
 */
final class ShareableListDescriptor {
    static final int COUNT_OFFSET = 0;
    static final int ITEMS_OFFSET = 8;
    static final int ITEM_LENGTH = 16;
    static final int TAG_OFFSET = 0;
    static final int CAPACITY_OFFSET = 4;
    static final int DATA_OFFSET_OFFSET = 8;
    static final int DATA_LENGTH_OFFSET = 12;

    private ShareableListDescriptor() {
    }

    static int itemOffset(int index) {
        return ITEMS_OFFSET + index * ITEM_LENGTH;
    }

    /** The bytes a slot gets for an item of {@code encodedLength}; a long, since it may not fit in a block. */
    static long capacityFor(int encodedLength) {
        return Math.max(8, (encodedLength + 7L) & ~7L);
    }
}
