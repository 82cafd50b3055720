package org.jmultiprocessing;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.jmultiprocessing.spi.SharedBlocks;

/**
 * A block of shared memory with a name (Python's {@code multiprocessing.shared_memory.SharedMemory}):
 * create it in one process, then attach to it by name in any process of the same session (the notebook and
 * the child processes it starts), or pass the object itself as a {@code Process} argument.
 *
 * <pre>{@code
 * var shm = SharedMemory.create(1024);            // SharedMemory(create=True, size=1024)
 * shm.buf().put(0, (byte) 42);
 * // in a child: var same = SharedMemory.attach(name); same.buf().get(0) == 42
 * shm.close(); shm.unlink();
 * }</pre>
 *
 * <p>Lifetime: {@link #unlink()} removes the name at once (processes that attached keep their memory until
 * they close it). Without {@code unlink}, the block goes away when no live process holds it any more (each
 * instance holds it until {@link #close()} or garbage collection), and at the latest when the session ends;
 * unlike Python there is no warning about a leaked segment, because nothing can leak past the session.
 *
 * <p>Memory: {@code close()} unmaps the block from this process at once, unless {@link #buf()} was called.
 * A buffer from {@code buf()} cannot be revoked (an access after unmapping would crash the JVM), so once
 * one was handed out, the mapping stays until the garbage collector finds every such buffer unreachable;
 * the buffers keep working until then, while the instance itself throws {@link IllegalStateException} after
 * {@code close()}. A {@link ShareableList} does not use {@code buf()}: closing its {@code shm()} unmaps at once.
 */
public final class SharedMemory implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Blocks are an operating-system facility, not a context's: every context shares the default's. */
    private static final SharedBlocks BLOCKS = Context.PROCESS.backend().memory();
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    /** The largest size of a block, in bytes. */
    public static final int MAX_SIZE = BLOCKS.maxSize();

    private final transient SharedBlocks.Block block;

    private SharedMemory(SharedBlocks.Block block) {
        this.block = block;
    }

    /**
     * Python's constructor: with {@code create}, makes a new block of {@code size} bytes (a random name
     * when {@code name} is null); otherwise attaches to the existing block {@code name} ({@code size} ignored).
     */
    public SharedMemory(String name, boolean create, int size) {
        this(create ? createBlock(name == null ? randomName() : checkName(name), size) : attachBlock(name));
    }

    /** A new zero-filled block of {@code size} bytes with a random name. */
    public static SharedMemory create(int size) {
        return new SharedMemory(createBlock(randomName(), size));
    }

    /**
     * A new zero-filled block of {@code size} bytes called {@code name}; {@link FileExists} if a block of
     * that name exists in this session.
     */
    public static SharedMemory create(String name, int size) {
        return new SharedMemory(createBlock(checkName(name), size));
    }

    private static SharedBlocks.Block createBlock(String name, int size) {
        if (size <= 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + " bytes, got " + size);
        }
        try {
            return BLOCKS.create(name, size);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException exists) {
                throw new FileExists(name, exists);
            }
            throw e;
        }
    }

    /** Attaches to the existing block {@code name}. */
    public static SharedMemory attach(String name) {
        return new SharedMemory(attachBlock(name));
    }

    private static SharedBlocks.Block attachBlock(String name) {
        SharedBlocks.Block block = BLOCKS.attach(checkName(name));
        if (block == null) {
            throw new IllegalArgumentException("no shared memory block named '" + name + "' in this session"
                    + " (it was never created, was unlinked, or every process holding it closed it)");
        }
        return block;
    }

    private static String randomName() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return "psm_" + HexFormat.of().formatHex(bytes);
    }

    private static String checkName(String name) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("shared memory name must be 1 to 200 letters, digits, '_', '.' or '-',"
                    + " got " + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    /** The name other processes attach with. */
    public String name() {
        return block.name();
    }

    /** The size in bytes. */
    public int size() {
        return block.size();
    }

    /**
     * The memory as a buffer of {@link #size()} bytes (Python's {@code buf}), native byte order, independent
     * position and limit for each call. Writes are visible to other processes; use the byte-buffer
     * {@link java.lang.invoke.VarHandle} ({@code MethodHandles.byteBufferViewVarHandle}) for atomic access.
     */
    public ByteBuffer buf() {
        enter();
        try {
            block.keepMapped();
            return block.buffer();
        } finally {
            exit();
        }
    }

    /**
     * For {@link ShareableList}: a buffer over the block that does not keep the mapping, so it may only be
     * used between {@link #enter()} and {@link #exit()}.
     */
    ByteBuffer unpinnedBuf() {
        return block.buffer();
    }

    /** Begins an access to the memory; {@link IllegalStateException} once this instance is closed. */
    void enter() {
        if (!block.enter()) {
            String name = block.name();
            throw new IllegalStateException("shared memory " + name + " is closed in this instance (close() was"
                    + " called): attach to it again with SharedMemory.attach(\"" + name + "\") if it still exists");
        }
    }

    void exit() {
        block.exit();
    }

    /** This instance stops using the block; its memory is unmapped from this process (see above). */
    public void close() {
        block.close();
    }

    /** Removes the name, so nobody can attach any more; instances already attached keep working. */
    public void unlink() {
        block.unlink();
    }

    @Override
    public String toString() {
        return "SharedMemory(name=" + name() + ", size=" + size() + ")";
    }

    Object writeReplace() {
        enter();
        try {
            return block.transit(SharedMemory::new);
        } finally {
            exit();
        }
    }

    /**
     * Thrown when creating a block whose name is taken in this session (Python's {@code FileExistsError});
     * its cause is the {@link FileAlreadyExistsException} of the file.
     */
    public static final class FileExists extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        FileExists(String name, FileAlreadyExistsException cause) {
            super("a shared memory block named '" + name + "' already exists in this session: attach to it with"
                    + " SharedMemory.attach(\"" + name + "\"), or create one with another name (or none, for a random one)",
                    cause);
        }
    }
}
