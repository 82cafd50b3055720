package org.jmultiprocessing;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import org.jmultiprocessing.spi.SharedBlocks;

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
 * writers with a {@link Lock}.
 *
 * <p>As in Python, {@code list.shm().close()} ends this process's use of the list: its memory is unmapped
 * at once, and every later access is an {@link IllegalStateException}.
 */
public final class ShareableList extends AbstractList<Object> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;

    /** Where lists lay out their items: the blocks of {@link SharedMemory}. */
    private static final SharedBlocks BLOCKS = Context.PROCESS.backend().memory();

    private final SharedMemory shm;
    /** The items in {@code shm}'s memory: use only between {@code shm.enter()} and {@code shm.exit()}. */
    private transient SharedBlocks.ItemList items;

    private ShareableList(SharedMemory shm, SharedBlocks.ItemList items) {
        this.shm = shm;
        this.items = items;
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
        items.forEach(ShareableList::checkItem);
        SharedBlocks.ListLayout layout = BLOCKS.layOut(items);
        long size = layout.size();
        if (size > SharedMemory.MAX_SIZE) {
            throw new IllegalArgumentException("these " + items.size() + " items need " + size + " bytes of shared"
                    + " memory, more than the largest block (" + SharedMemory.MAX_SIZE + " bytes): share fewer or"
                    + " smaller items");
        }
        SharedMemory shm = name == null ? SharedMemory.create((int) size) : SharedMemory.create(name, (int) size);
        shm.enter();
        try {
            return new ShareableList(shm, layout.writeInto(shm.unpinnedBuf()));
        } finally {
            shm.exit();
        }
    }

    /** Attaches to the list in the block {@code name}. */
    public static ShareableList attach(String name) {
        SharedMemory shm = SharedMemory.attach(name);
        return new ShareableList(shm, BLOCKS.list(shm.unpinnedBuf()));
    }

    private static Object checkItem(Object item) {
        if (item != null && !(item instanceof Integer || item instanceof Long || item instanceof Double
                || item instanceof Boolean || item instanceof String || item instanceof byte[])) {
            throw new IllegalArgumentException("a ShareableList holds Integer, Long, Double, Boolean, String, byte[]"
                    + " or null, not " + item.getClass().getName());
        }
        return item;
    }

    @Override
    public Object get(int index) {
        shm.enter();
        try {
            return items.get(index);
        } finally {
            shm.exit();
        }
    }

    /** Replaces an item (Python's {@code list[index] = item}); returns the previous one. */
    @Override
    public Object set(int index, Object item) {
        checkItem(item);
        shm.enter();
        try {
            Object previous = items.get(index);
            items.set(index, item);
            return previous;
        } finally {
            shm.exit();
        }
    }

    @Override
    public int size() {
        shm.enter();
        try {
            return items.size();
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
        items = BLOCKS.list(shm.unpinnedBuf());
    }
}
