package org.jmultiprocessing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jmultiprocessing.spi.SharedBlocks;

/**
 * Python's {@code multiprocessing.managers.SharedMemoryManager}: makes {@link SharedMemory} blocks and
 * {@link ShareableList}s and unlinks every one of them at {@link #shutdown()}, so that none outlives the
 * work it was made for.
 *
 * <pre>{@code
 * try (var smm = new SharedMemoryManager().start()) {      // with SharedMemoryManager() as smm:
 *     var shm = smm.sharedMemory(1024);                     //     shm = smm.SharedMemory(size=1024)
 *     var list = smm.shareableList(1, 2, 3);                //     sl = smm.ShareableList([1, 2, 3])
 *     // pass shm and list to processes, or their names to attach by
 * }                                                         // both unlinked here
 * }</pre>
 *
 * <p>The blocks are also unlinked when the process that started the manager exits without a shutdown, and
 * when it is killed: the process that started it (the notebook, for a child) unlinks them as that child
 * ends. Unlinking removes the name; processes still attached keep their memory until they close it, as in
 * Python. Python's manager is a server process that the blocks are registered with; here the blocks are
 * already files of the session, so the record of their names is one file of the session too, and no server
 * runs ({@code address}, {@code connect()} and {@code get_server()} have no counterpart).
 *
 * <p>Thread-safe. The blocks are the session's shared memory, the same in every context; a context without
 * shared memory cannot have a manager of it.
 */
public final class SharedMemoryManager implements AutoCloseable {
    private final Context context;
    private SharedBlocks.Owned owned;
    private boolean shutDown;

    /** A manager of the default context, not started: call {@link #start()}. */
    public SharedMemoryManager() {
        this(Multiprocessing.getContext());
    }

    /**
     * A manager for processes of {@code context} (Python's {@code SharedMemoryManager(ctx=...)}), not started.
     *
     * @throws UnsupportedOperationException if the context has no shared memory; the message names it
     */
    public SharedMemoryManager(Context context) {
        this.context = Objects.requireNonNull(context, "context");
        try {
            context.backend().memory();
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedOperationException("the \"" + context.name() + "\" context has no shared memory,"
                    + " so no SharedMemoryManager: make one of the \"process\" or \"thread\" context"
                    + " (new SharedMemoryManager()), or share data with that context's own objects", e);
        }
    }

    /**
     * Starts the manager (Python's {@code start()}): from now on it makes blocks. Returns this manager, for
     * {@code try (var smm = new SharedMemoryManager().start())}.
     *
     * @throws IllegalStateException if it was started before
     */
    public synchronized SharedMemoryManager start() {
        if (owned != null || shutDown) {
            throw new IllegalStateException("this SharedMemoryManager was already started" + (shutDown ? " and shut"
                    + " down" : "") + ": make a new one");
        }
        owned = Context.PROCESS.backend().memory().owned();
        return this;
    }

    /** Python's {@code smm.SharedMemory(size)}: a new zero-filled block of {@code size} bytes, unlinked at shutdown. */
    public synchronized SharedMemory sharedMemory(int size) {
        SharedBlocks.Owned record = running("sharedMemory");
        SharedMemory shm = SharedMemory.create(size);
        return recorded(record, shm, shm);
    }

    /** Python's {@code smm.ShareableList(sequence)}: a new list holding {@code items}, unlinked at shutdown. */
    public ShareableList shareableList(Object... items) {
        return shareableList(Arrays.asList(items));
    }

    /** As {@link #shareableList(Object...)}, from a list. */
    public synchronized ShareableList shareableList(List<?> items) {
        SharedBlocks.Owned record = running("shareableList");
        ShareableList list = ShareableList.of(items);
        return recorded(record, list.shm(), list);
    }

    private static <T> T recorded(SharedBlocks.Owned record, SharedMemory shm, T made) {
        try {
            record.add(shm.name());
        } catch (RuntimeException e) {
            shm.close();
            shm.unlink();
            throw e;
        }
        return made;
    }

    private SharedBlocks.Owned running(String call) {
        if (owned == null) {
            throw new IllegalStateException(shutDown ? "this SharedMemoryManager is shut down: " + call + "() needs a"
                    + " running one (make a new one)" : "this SharedMemoryManager is not started: call start() before "
                    + call + "(), e.g. try (var smm = new SharedMemoryManager().start()) { ... }");
        }
        return owned;
    }

    /**
     * Python's {@code shutdown()}: unlinks every block this manager made (processes attached keep their
     * memory until they close it). Later calls do nothing.
     */
    public synchronized void shutdown() {
        if (owned != null) {
            owned.unlinkAll();
            owned = null;
        }
        shutDown = true;
    }

    /** As {@link #shutdown()}: the end of a try-with-resources block. */
    @Override
    public void close() {
        shutdown();
    }

    /** The context the manager was made for. */
    public Context context() {
        return context;
    }

    @Override
    public synchronized String toString() {
        return "<SharedMemoryManager context=" + context.name() + " " + (owned != null ? "started" : shutDown
                ? "shut down" : "initial") + ">";
    }
}
