package org.jmultiprocessing;

import static org.jmultiprocessing.internal.shm.ShareableListDescriptor.*;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.internal.shm.ShareableListDescriptor;

/**
 * A fixed-length list in a {@link SharedMemory} block (Python's
 * {@code multiprocessing.shared_memory.ShareableList}): items are {@code Integer}, {@code Long},
 * {@code Double}, {@code Boolean}, {@code String}, {@code byte[]} or {@code null}; every process that
 * attaches (by {@link #name()}, or by receiving the list as a {@code Process} argument) sees the same items.
 *
 * <pre>{@code
 * var list = ShareableList.of("howdy", 42, 3.5, null);   // ShareableList(['howdy', 42, 3.5, None])
 * list.set(1, 43);                                        // list[1] = 43
 * var same = ShareableList.attach(list.name());           // ShareableList(name=...)
 * }</pre>
 *
 * <p>The list cannot grow or shrink. A replacement may have another type, but a string or byte array must
 * fit in the bytes its slot got at creation (at least 8, else the original length rounded up to 8), as in
 * Python; otherwise {@link IllegalArgumentException}. Items are not written atomically: guard concurrent
 * writers with a {@link Lock}. Layout in {@link ShareableListDescriptor}.
 *
 * <p>As in Python, {@code list.shm().close()} ends this process's use of the list: its memory is unmapped
 * at once, and every later access is an {@link IllegalStateException}.
 */
public final class ShareableList extends AbstractList<Object> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;

    private final SharedMemory shm;
    private transient ByteBuffer buffer;

    private ShareableList(SharedMemory shm) {
        this.shm = shm;
        this.buffer = shm.unpinnedBuf();
    }

    /** A new list holding {@code items}. */
    public static ShareableList of(Object... items) {
        return create(null, java.util.Arrays.asList(items));
    }

    /** A new list holding {@code items}, in a block with a random name. */
    public static ShareableList of(List<?> items) {
        return create(null, items);
    }

    /** A new list holding {@code items}, in a block called {@code name}. */
    public static ShareableList create(String name, List<?> items) {
        List<MessageCodec.Encoded> encoded = new ArrayList<>();
        long size = ITEMS_OFFSET + (long) items.size() * ITEM_LENGTH;
        for (Object item : items) {
            MessageCodec.Encoded e = encodeItem(item);
            encoded.add(e);
            size += ShareableListDescriptor.capacityFor(e.length());
        }
        if (size > SharedMemory.MAX_SIZE) {
            throw new IllegalArgumentException("these " + items.size() + " items need " + size + " bytes of shared"
                    + " memory, more than the largest block (" + SharedMemory.MAX_SIZE + " bytes): share fewer or"
                    + " smaller items");
        }
        SharedMemory shm = name == null ? SharedMemory.create((int) size) : SharedMemory.create(name, (int) size);
        ShareableList list = new ShareableList(shm);
        ByteBuffer buf = list.buffer;
        shm.enter();
        try {
            buf.putInt(COUNT_OFFSET, items.size());
            int data = ITEMS_OFFSET + items.size() * ITEM_LENGTH;
            for (int i = 0; i < encoded.size(); i++) {
                int capacity = (int) ShareableListDescriptor.capacityFor(encoded.get(i).length());
                buf.putInt(itemOffset(i) + CAPACITY_OFFSET, capacity);
                buf.putInt(itemOffset(i) + DATA_OFFSET_OFFSET, data);
                list.write(i, encoded.get(i));
                data += capacity;
            }
        } finally {
            shm.exit();
        }
        return list;
    }

    /** Attaches to the list in the block {@code name}. */
    public static ShareableList attach(String name) {
        return new ShareableList(SharedMemory.attach(name));
    }

    private static MessageCodec.Encoded encodeItem(Object item) {
        if (item != null && !(item instanceof Integer || item instanceof Long || item instanceof Double
                || item instanceof Boolean || item instanceof String || item instanceof byte[])) {
            throw new IllegalArgumentException("a ShareableList holds Integer, Long, Double, Boolean, String, byte[]"
                    + " or null, not " + item.getClass().getName());
        }
        return MessageCodec.encode(item);
    }

    @Override
    public Object get(int index) {
        int tag;
        byte[] payload;
        shm.enter();
        try {
            int item = itemOffset(checkIndex(index));
            tag = buffer.getInt(item + TAG_OFFSET);
            payload = new byte[buffer.getInt(item + DATA_LENGTH_OFFSET)];
            buffer.get(buffer.getInt(item + DATA_OFFSET_OFFSET), payload);
        } finally {
            shm.exit();
        }
        return MessageCodec.decode(tag, payload);
    }

    /** Replaces an item (Python's {@code list[index] = item}); returns the previous one. */
    @Override
    public Object set(int index, Object item) {
        MessageCodec.Encoded encoded = encodeItem(item);
        Object previous = get(index);
        shm.enter();
        try {
            write(checkIndex(index), encoded);
        } finally {
            shm.exit();
        }
        return previous;
    }

    private void write(int index, MessageCodec.Encoded encoded) {
        int item = itemOffset(index);
        int capacity = buffer.getInt(item + CAPACITY_OFFSET);
        if (encoded.length() > capacity) {
            throw new IllegalArgumentException("item of " + encoded.length() + " bytes does not fit in slot " + index
                    + " of " + capacity + " bytes (a ShareableList's slots keep the size they had at creation)");
        }
        buffer.put(buffer.getInt(item + DATA_OFFSET_OFFSET), encoded.bytes(), 0, encoded.length());
        buffer.putInt(item + DATA_LENGTH_OFFSET, encoded.length());
        buffer.putInt(item + TAG_OFFSET, encoded.tag());
    }

    private int checkIndex(int index) {
        return java.util.Objects.checkIndex(index, buffer.getInt(COUNT_OFFSET));
    }

    @Override
    public int size() {
        shm.enter();
        try {
            return buffer.getInt(COUNT_OFFSET);
        } finally {
            shm.exit();
        }
    }

    /** The name of the shared-memory block, to attach from another process. */
    public String name() {
        return shm.name();
    }

    /** The shared-memory block holding the list (Python's {@code shm}). */
    public SharedMemory shm() {
        return shm;
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        buffer = shm.unpinnedBuf();
    }
}
