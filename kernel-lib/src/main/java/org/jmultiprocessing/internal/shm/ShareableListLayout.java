package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.ShareableListDescriptor.*;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.spi.SharedBlocks;

/** The items of a new {@code ShareableList}, encoded once, and the block size they need (see {@link ShareableListDescriptor}). */
final class ShareableListLayout implements SharedBlocks.ListLayout {
    private final List<MessageCodec.Encoded> encoded;
    private final long size;

    ShareableListLayout(List<?> items) {
        encoded = new ArrayList<>(items.size());
        long bytes = ITEMS_OFFSET + (long) items.size() * ITEM_LENGTH;
        for (Object item : items) {
            MessageCodec.Encoded e = MessageCodec.encode(item);
            encoded.add(e);
            bytes += capacityFor(e.length());
        }
        size = bytes;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SharedBlocks.ItemList writeInto(ByteBuffer memory) {
        memory.putInt(COUNT_OFFSET, encoded.size());
        int data = ITEMS_OFFSET + encoded.size() * ITEM_LENGTH;
        ShareableListItems list = new ShareableListItems(memory);
        for (int i = 0; i < encoded.size(); i++) {
            int capacity = (int) capacityFor(encoded.get(i).length());
            memory.putInt(itemOffset(i) + CAPACITY_OFFSET, capacity);
            memory.putInt(itemOffset(i) + DATA_OFFSET_OFFSET, data);
            list.write(i, encoded.get(i));
            data += capacity;
        }
        return list;
    }
}
