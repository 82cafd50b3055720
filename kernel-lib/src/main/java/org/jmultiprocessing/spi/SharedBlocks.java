package org.jmultiprocessing.spi;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Named blocks of memory shared between processes (Python's {@code multiprocessing.shared_memory}): the
 * mechanism behind {@code SharedMemory} and {@code ShareableList}, which check names, sizes and item types
 * and call only these interfaces.
 */
public interface SharedBlocks {
    /** The largest block, in bytes. */
    int maxSize();

    /**
     * Creates the zero-filled block {@code name} of {@code size} bytes (both already checked by
     * {@code SharedMemory}: 1 to 200 letters, digits, '_', '.' or '-'; 1 to {@link #maxSize()} bytes).
     *
     * @throws java.io.UncheckedIOException with a {@link java.nio.file.FileAlreadyExistsException} as its
     *                                      cause when a block of that name exists
     */
    Block create(String name, int size);

    /** Attaches to the existing block {@code name}; null when there is no block of that name. */
    Block attach(String name);

    /** The layout of a new {@code ShareableList} of {@code items} (each an Integer, Long, Double, Boolean, String, byte[] or null). */
    ListLayout layOut(List<?> items);

    /** The list a {@code ShareableList} laid out in {@code memory}, a block's {@link Block#buffer()}. */
    ItemList list(ByteBuffer memory);

    /**
     * A new record of blocks to unlink together, Python's {@code SharedMemoryManager}'s bookkeeping: at
     * {@link Owned#unlinkAll()}, at this process's exit, and when this process dies (then the process that
     * started it unlinks them). A backend whose blocks cannot be tracked so keeps this default.
     */
    default Owned owned() {
        throw new UnsupportedOperationException("these shared memory blocks cannot be tracked for a SharedMemoryManager");
    }

    /** Blocks made for one owner, unlinked together. */
    interface Owned {
        /** Records the block {@code name} (made by {@link #create}) as one to unlink. */
        void add(String name);

        /** Unlinks every block recorded; later calls do nothing. Processes attached keep their memory. */
        void unlinkAll();
    }

    /** One process's use of a block, until {@link #close()}. */
    interface Block {
        String name();

        /** The size in bytes. */
        int size();

        /**
         * Begins an access to the memory: false once {@link #close()} was called. Pair a true result with
         * {@link #exit()} in a {@code finally}; a close waits for the accesses in flight to exit before the
         * memory is unmapped.
         */
        boolean enter();

        /** Ends an access begun by {@link #enter()}. */
        void exit();

        /**
         * The memory, {@link #size()} bytes in native byte order: only for use between {@link #enter()} and
         * {@link #exit()}, since {@code close()} may unmap it, unless {@link #keepMapped()} was called.
         */
        ByteBuffer buffer();

        /**
         * From now on the memory stays mapped until the garbage collector finds every buffer of it
         * unreachable, even after {@code close()}: for buffers handed to users. Call between enter and exit.
         */
        void keepMapped();

        /** This use ends: the memory is unmapped once the accesses in flight exit (unless kept mapped). */
        void close();

        /** Removes the name, so nobody can attach any more; uses already attached keep working. */
        void unlink();

        /**
         * The serialized form of the block: the receiving process passes its own use of the block to
         * {@code rebuild}. Call between enter and exit.
         */
        Object transit(Rebuild<Block> rebuild);
    }

    /** Items encoded for a new list, and the bytes the list needs. */
    interface ListLayout {
        /** The bytes of the block the list needs; may be more than {@link SharedBlocks#maxSize()}. */
        long size();

        /** Writes the list into {@code memory}, a block of at least {@link #size()} bytes; returns the list. */
        ItemList writeInto(ByteBuffer memory);
    }

    /**
     * A fixed-length list over a block's memory; every method only between the block's enter and exit. An
     * index out of range is an {@link IndexOutOfBoundsException}.
     */
    interface ItemList {
        int size();

        Object get(int index);

        /**
         * Replaces an item (of the types {@link SharedBlocks#layOut} takes); an {@link IllegalArgumentException}
         * if it does not fit in the bytes its slot got at creation.
         */
        void set(int index, Object item);
    }
}
