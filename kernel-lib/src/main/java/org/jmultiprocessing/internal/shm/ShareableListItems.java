package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.ShareableListDescriptor.*;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.spi.SharedBlocks;

/** The items of a {@code ShareableList} read and written in place (see {@link ShareableListDescriptor}). */
final class ShareableListItems implements SharedBlocks.ItemList {
    private final ByteBuffer memory;

    ShareableListItems(ByteBuffer memory) {
        this.memory = memory;
    }

    @Override
    public int size() {
        return memory.getInt(COUNT_OFFSET);
    }

    @Override
    public Object get(int index) {
        int item = itemOffset(checkIndex(index));
        byte[] payload = new byte[memory.getInt(item + DATA_LENGTH_OFFSET)];
        memory.get(memory.getInt(item + DATA_OFFSET_OFFSET), payload);
        return MessageCodec.decode(memory.getInt(item + TAG_OFFSET), payload);
    }

    @Override
    public void set(int index, Object item) {
        write(checkIndex(index), MessageCodec.encode(item));
    }

    void write(int index, MessageCodec.Encoded encoded) {
        int item = itemOffset(index);
        int capacity = memory.getInt(item + CAPACITY_OFFSET);
        if (encoded.length() > capacity) {
            throw new IllegalArgumentException("item of " + encoded.length() + " bytes does not fit in slot " + index
                    + " of " + capacity + " bytes (a ShareableList's slots keep the size they had at creation)");
        }
        memory.put(memory.getInt(item + DATA_OFFSET_OFFSET), encoded.bytes(), 0, encoded.length());
        memory.putInt(item + DATA_LENGTH_OFFSET, encoded.length());
        memory.putInt(item + TAG_OFFSET, encoded.tag());
    }

    private int checkIndex(int index) {
        return Objects.checkIndex(index, size());
    }
}
