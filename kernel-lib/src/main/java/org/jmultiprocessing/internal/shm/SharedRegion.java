package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.RegionDescriptor.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jmultiprocessing.internal.runtime.ExitHooks;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.Session;

/**
 * One memory-mapped file in the session directory, shared by every process that attaches to it, with atomic
 * access to its words through {@link VarHandle}s and the bookkeeping of who holds it (see
 * {@link RegionDescriptor}).
 *
 * <p>Offsets given to the accessors are absolute within the file; payload layouts start at
 * {@link RegionDescriptor#HEADER_LENGTH}.
 *
 * <p>Mapping lifetime. Each Java object using the region holds it ({@link #hold}); the mapping is released
 * once every hold in this JVM has ended and no copy sent through a {@link Transfers} scope is pending. A
 * {@link Hold} that {@code close()} can end counts the operations in flight: an object's methods run between
 * {@link Hold#enter()} and {@link Hold#exit()}, and a hold ends only after its last operation has left, so
 * the memory is never unmapped under a running access. Objects without {@code close()} take a hold that ends
 * only when they are garbage collected ({@link #holdUntilCollected}); their operations are not counted, so
 * the region is {@link #pin pinned}: its mapping ends when the garbage collector finds it unreachable, never
 * explicitly. {@code SharedMemory.buf()} pins too, since users keep the buffers it hands out.
 */
public final class SharedRegion {
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final Cleaner CLEANER = Cleaner.create();
    private static final long PID = Internals.pid();
    /** Every region mapped by this JVM, to end its holds at exit (so a child that is the last user unlinks). */
    private static final Set<SharedRegion> MAPPED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    static {
        ExitHooks.add(ExitHooks.Stage.SHARED, SharedRegion::releaseAllAtExit);
    }

    /** {@link #uses} once the mapping is released: no use can begin any more. */
    private static final int RELEASED = -1;

    private final Path path;
    /** Null once the mapping is released, so that an access outside an operation fails rather than crashes. */
    private MappedByteBuffer buffer;
    private final FileMapping mapping;
    /** Unended holds plus copies pending in a {@link Transfers} scope; {@link #RELEASED} after the last. */
    private final AtomicInteger uses = new AtomicInteger();
    private volatile boolean pinned;

    private SharedRegion(Path path, FileMapping mapping) {
        this.path = path;
        this.mapping = mapping;
        this.buffer = mapping.buffer();
        MAPPED.add(this);
    }

    /** Scratch memory, never shared: see {@link #warmUp}. */
    private SharedRegion(MappedByteBuffer scratch) {
        this.path = null;
        this.mapping = null;
        this.buffer = scratch;
    }

    /**
     * Does the first-use work of receiving a shared object on scratch memory, for a standby child that waits
     * for its task: this class's initialization, the linking of every accessor's VarHandle access mode, the
     * first use of ProcessHandle (holder checks; it links lambdas) and the file-mapping classes. A direct
     * buffer is a MappedByteBuffer without a file, so no file is made.
     */
    public static void warmUp() {
        SharedRegion scratch = new SharedRegion((MappedByteBuffer) ByteBuffer.allocateDirect(Long.BYTES).order(ByteOrder.nativeOrder()));
        scratch.putIntPlain(0, scratch.getIntPlain(0));
        scratch.putIntRelease(0, scratch.getIntAcquire(0));
        scratch.putIntVolatile(0, scratch.getIntVolatile(0));
        scratch.compareAndSetInt(0, 0, scratch.getAndAddInt(0, 0));
        scratch.putLongPlain(0, scratch.getLongPlain(0));
        scratch.putLongRelease(0, scratch.getLongAcquire(0));
        scratch.putLongVolatile(0, scratch.getLongVolatile(0));
        scratch.compareAndSetLong(0, 0, scratch.getAndAddLong(0, 0));
        ProcessHandle.of(PID).ifPresent(ProcessHandle::isAlive);
        try (FileChannel file = FileChannel.open(Path.of(System.getProperty("java.home"), "release"))) {
            FileMapping.map(file, FileChannel.MapMode.READ_ONLY, Math.min(1, file.size())).unmap();
        } catch (IOException | RuntimeException e) {
            // Only a warm-up: a real attach reports real problems.
        }
    }

    /** Creates a private (0600) file of the given kind in the session directory and maps it. */
    static SharedRegion create(String kind, int payloadLength) {
        return create(Session.current().newPath(kind), payloadLength);
    }

    /** Creates a private (0600) file at the given path and maps it; fails if the file exists. */
    static SharedRegion create(Path path, int payloadLength) {
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("shared memory size must be between 0 and " + MAX_PAYLOAD_LENGTH
                    + " bytes, got " + payloadLength);
        }
        int length = HEADER_LENGTH + payloadLength;
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                SharedRegion region = new SharedRegion(path, FileMapping.map(channel, FileChannel.MapMode.READ_WRITE, length));
                region.putIntPlain(VERSION_OFFSET, VERSION);
                region.putIntPlain(PAYLOAD_LENGTH_OFFSET, payloadLength);
                region.putIntVolatile(MAGIC_OFFSET, MAGIC);
                return region;
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("shared memory file " + path + " already exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create shared memory file " + path
                    + " (is the session directory writable and is there space in " + path.getParent() + "?)", e);
        }
    }

    /** Maps an existing file created by {@link #create}. */
    static SharedRegion attach(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < HEADER_LENGTH) {
                throw new IllegalStateException("shared memory file " + path + " is too short to be one of ours");
            }
            SharedRegion region = new SharedRegion(path, FileMapping.map(channel, FileChannel.MapMode.READ_WRITE, size));
            if (region.getIntVolatile(MAGIC_OFFSET) != MAGIC || region.getIntVolatile(VERSION_OFFSET) != VERSION) {
                region.releaseMapping();
                throw new IllegalStateException("shared memory file " + path
                        + " was not created by this version of jmultiprocessing");
            }
            return region;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("shared object " + path.getFileName() + " no longer exists: every process"
                    + " that held it has closed it or exited (or the session ended), so it cannot be attached again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot attach shared memory file " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public int payloadLength() {
        return buffer.getInt(PAYLOAD_LENGTH_OFFSET);
    }

    /** The mapped bytes; absolute indexes, native byte order. Only for use within an operation (see above). */
    public MappedByteBuffer buffer() {
        return buffer;
    }

    /**
     * From now on the mapping is never unmapped explicitly, only once the garbage collector finds it and every
     * buffer sliced from it unreachable: for buffers handed to users, and for objects whose operations are not
     * counted. Call within an operation.
     */
    public void pin() {
        pinned = true;
    }

    /** Counts one more use of the mapping; false if it is already released. */
    private boolean tryRetain() {
        int count = uses.get();
        while (count != RELEASED) {
            if (uses.compareAndSet(count, count + 1)) {
                return true;
            }
            count = uses.get();
        }
        return false;
    }

    private void retain() {
        if (!tryRetain()) {
            throw new IllegalStateException("shared memory file " + path.getFileName() + " is no longer mapped in"
                    + " this process: every object using it here was closed");
        }
    }

    /** Ends one use; the last one releases the mapping. */
    void unretain() {
        if (uses.decrementAndGet() == 0 && uses.compareAndSet(0, RELEASED)) {
            releaseMapping();
        }
    }

    private void releaseMapping() {
        MAPPED.remove(this);
        buffer = null;
        if (!pinned) {
            mapping.unmap();
        }
    }

    public int getIntVolatile(int offset) {
        return (int) INT.getVolatile(buffer, offset);
    }

    public int getIntAcquire(int offset) {
        return (int) INT.getAcquire(buffer, offset);
    }

    public void putIntVolatile(int offset, int value) {
        INT.setVolatile(buffer, offset, value);
    }

    public void putIntRelease(int offset, int value) {
        INT.setRelease(buffer, offset, value);
    }

    public int getIntPlain(int offset) {
        return (int) INT.get(buffer, offset);
    }

    public void putIntPlain(int offset, int value) {
        INT.set(buffer, offset, value);
    }

    public boolean compareAndSetInt(int offset, int expected, int value) {
        return INT.compareAndSet(buffer, offset, expected, value);
    }

    public int getAndAddInt(int offset, int delta) {
        return (int) INT.getAndAdd(buffer, offset, delta);
    }

    public long getLongVolatile(int offset) {
        return (long) LONG.getVolatile(buffer, offset);
    }

    public long getLongAcquire(int offset) {
        return (long) LONG.getAcquire(buffer, offset);
    }

    public void putLongVolatile(int offset, long value) {
        LONG.setVolatile(buffer, offset, value);
    }

    public void putLongRelease(int offset, long value) {
        LONG.setRelease(buffer, offset, value);
    }

    public long getLongPlain(int offset) {
        return (long) LONG.get(buffer, offset);
    }

    public void putLongPlain(int offset, long value) {
        LONG.set(buffer, offset, value);
    }

    public boolean compareAndSetLong(int offset, long expected, long value) {
        return LONG.compareAndSet(buffer, offset, expected, value);
    }

    public long getAndAddLong(int offset, long delta) {
        return (long) LONG.getAndAdd(buffer, offset, delta);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Holds: who uses the file, so it is unlinked after the last user and a pipe end sees end-of-file.

    /**
     * Registers one hold of this process in {@code group} for an object with a {@code close()}, which calls
     * {@link Hold#release()}; the hold also ends when {@code owner} becomes unreachable. The owner's
     * operations run between {@link Hold#enter()} and {@link Hold#exit()}.
     */
    public Hold hold(Object owner, int group) {
        return hold(owner, group, !pinned);
    }

    /**
     * Registers one hold of this process in {@code group} for an object without {@code close()}: it ends when
     * {@code owner} becomes unreachable, and the mapping only with garbage collection (the region is pinned).
     */
    public Hold holdUntilCollected(Object owner, int group) {
        pin();
        return hold(owner, group, false);
    }

    private Hold hold(Object owner, int group, boolean counted) {
        retain();
        try {
            getAndAddInt(holderCountOffset(slotOf(PID), group), 1);
        } catch (RuntimeException e) {
            unretain();
            throw e;
        }
        Hold hold = new Hold(this, group, counted);
        hold.cleanable = CLEANER.register(owner, hold::releaseOnce);
        return hold;
    }

    /**
     * Counts a serialized copy on its way to another process, so the file (and the pipe end) survive until
     * the receiver attaches and calls {@link #acceptTransit}. Inside a {@link Transfers} scope the copy is
     * later counted for the child it goes to; otherwise it stays counted for this process.
     */
    public void holdInTransit(int group) {
        getAndAddInt(transitCountOffset(slotOf(PID), group), 1);
        if (Transfers.isRecording()) {
            retain();
            Transfers.record(this, group);
        }
    }

    /** Moves one copy in transit from this process to {@code pid} (see {@link Transfers}). */
    void assignTransit(int group, long pid) {
        getAndAddInt(transitCountOffset(slotOf(pid), group), 1);
        cancelTransit(group);
    }

    /** Forgets one copy in transit counted for this process: it will not be received. */
    void cancelTransit(int group) {
        decrementTransitOf(PID, group);
        releaseFileIfUnused();
    }

    /**
     * In the receiving process: registers the hold of the received copy (see {@link #hold}) and ends its
     * transit, counted for this process (assigned by the sender's {@link Transfers} scope) or else for the
     * sender.
     */
    public Hold acceptTransit(Object owner, int group, long senderPid) {
        return acceptTransit(hold(owner, group), senderPid);
    }

    /** Like {@link #acceptTransit}, with a hold that ends only with garbage collection ({@link #holdUntilCollected}). */
    public Hold acceptTransitUntilCollected(Object owner, int group, long senderPid) {
        return acceptTransit(holdUntilCollected(owner, group), senderPid);
    }

    private Hold acceptTransit(Hold hold, long senderPid) {
        if (!decrementTransitOf(PID, hold.group)) {
            decrementTransitOf(senderPid, hold.group);
        }
        return hold;
    }

    private boolean decrementTransitOf(long pid, int group) {
        for (int slot = 0; slot < HOLDER_SLOTS; slot++) {
            if (getLongVolatile(holderSlotOffset(slot)) == pid && decrementIfPositive(transitCountOffset(slot, group))) {
                return true;
            }
        }
        return false;
    }

    private boolean decrementIfPositive(int offset) {
        int count = getIntVolatile(offset);
        while (count > 0) {
            if (compareAndSetInt(offset, count, count - 1)) {
                return true;
            }
            count = getIntVolatile(offset);
        }
        return false;
    }

    /** True while some live process (this one included) holds the group or has a copy of it in transit. */
    public boolean isHeld(int group) {
        for (int slot = 0; slot < HOLDER_SLOTS; slot++) {
            long pid = getLongVolatile(holderSlotOffset(slot));
            if (pid != 0 && countsOf(slot, group) > 0 && isAlive(pid)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Like {@link #isHeld} without checking that the holders still live: cheap enough for every message,
     * and exact while processes close what they hold.
     */
    public boolean hasHolds(int group) {
        for (int slot = 0; slot < HOLDER_SLOTS; slot++) {
            if (countsOf(slot, group) > 0 && getLongVolatile(holderSlotOffset(slot)) != 0) {
                return true;
            }
        }
        return false;
    }

    private int countsOf(int slot, int group) {
        return getIntVolatile(holderCountOffset(slot, group)) + getIntVolatile(transitCountOffset(slot, group));
    }

    private boolean isHeldByAnyone() {
        for (int group = 0; group < GROUPS; group++) {
            if (isHeld(group)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAlive(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The slot counting for {@code pid}, claiming a free one (or one of a dead process) if it has none. */
    private int slotOf(long pid) {
        // Claims are serialized within the JVM; a process claims slots only for itself and its own children.
        synchronized (SharedRegion.class) {
            int free = -1;
            for (int slot = 0; slot < HOLDER_SLOTS; slot++) {
                long holder = getLongVolatile(holderSlotOffset(slot));
                if (holder == pid) {
                    return slot;
                }
                if (holder == 0 && free < 0) {
                    free = slot;
                }
            }
            for (int slot = Math.max(free, 0); free >= 0 && slot < HOLDER_SLOTS; slot++) {
                if (compareAndSetLong(holderSlotOffset(slot), 0, pid)) {
                    return slot;
                }
            }
            for (int slot = 0; slot < HOLDER_SLOTS; slot++) {
                long holder = getLongVolatile(holderSlotOffset(slot));
                if (!isAlive(holder) && compareAndSetLong(holderSlotOffset(slot), holder, pid)) {
                    for (int group = 0; group < GROUPS; group++) {
                        putIntVolatile(holderCountOffset(slot, group), 0);
                        putIntVolatile(transitCountOffset(slot, group), 0);
                    }
                    return slot;
                }
            }
        }
        throw new IllegalStateException("more than " + HOLDER_SLOTS + " live processes use " + path.getFileName()
                + "; share fewer objects between that many processes at once");
    }

    private void releaseOwn(int group) {
        decrementIfPositive(holderCountOffset(slotOf(PID), group));
        releaseFileIfUnused();
    }

    /**
     * At exit, this process's holds end (copies it sent that are still in transit stay counted, so their
     * receivers can still attach), and files nobody else holds are unlinked.
     */
    private static void releaseAllAtExit() {
        SharedRegion[] regions;
        synchronized (MAPPED) {
            regions = MAPPED.toArray(new SharedRegion[0]);
        }
        for (SharedRegion region : regions) {
            if (!region.tryRetain()) {
                continue;
            }
            try {
                for (int slot = 0; slot < HOLDER_SLOTS; slot++) {
                    if (region.getLongVolatile(holderSlotOffset(slot)) == PID) {
                        for (int group = 0; group < GROUPS; group++) {
                            region.putIntVolatile(holderCountOffset(slot, group), 0);
                        }
                    }
                }
                region.releaseFileIfUnused();
            } finally {
                region.unretain();
            }
        }
    }

    private void releaseFileIfUnused() {
        if (!isHeldByAnyone()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // The session directory is removed at the end of the session anyway.
            }
        }
    }

    /**
     * One registered use of a region by one object; released once, explicitly or when its owner is garbage
     * collected. A counted hold also counts its owner's operations in flight in the same word as its state
     * (closed, ended, operations), so entering costs one atomic add; the hold ends, and may release the
     * mapping, once it is closed and its last operation has exited.
     */
    public static final class Hold {
        private static final int CLOSED = 1;
        private static final int ENDED = 2;
        private static final int ONE_OPERATION = 4;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Hold.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final SharedRegion region;
        private final int group;
        private final boolean counted;
        /** CLOSED and ENDED bits, plus ONE_OPERATION per operation in flight (counted holds only). */
        private volatile int state;
        private Cleaner.Cleanable cleanable;

        private Hold(SharedRegion region, int group, boolean counted) {
            this.region = region;
            this.group = group;
            this.counted = counted;
        }

        public SharedRegion region() {
            return region;
        }

        public boolean isReleased() {
            return (state & CLOSED) != 0;
        }

        /**
         * Begins an operation on the memory: returns false, having begun nothing, once the hold is released
         * (the caller then throws its own {@link IllegalStateException}). Pair a true result with {@link #exit()}
         * in a {@code finally}.
         */
        public boolean enter() {
            return counted ? enterCounted() : (state & CLOSED) == 0;
        }

        private boolean enterCounted() {
            if (((int) STATE.getAndAdd(this, ONE_OPERATION) & CLOSED) == 0) {
                return true;
            }
            exitCounted();
            return false;
        }

        /** Ends an operation begun by {@link #enter()}; the last one after a release ends the hold. */
        public void exit() {
            if (counted) {
                exitCounted();
            }
        }

        private void exitCounted() {
            if ((int) STATE.getAndAdd(this, -ONE_OPERATION) == CLOSED + ONE_OPERATION) {
                end();
            }
        }

        /** Ends this hold: its owner's operations fail from now on, and the file may be unlinked. */
        public void release() {
            cleanable.clean();
        }

        private void releaseOnce() {
            int operation = counted ? ONE_OPERATION : 0;
            int current;
            do {
                current = state;
                if ((current & CLOSED) != 0) {
                    return;
                }
            } while (!STATE.compareAndSet(this, current, current + CLOSED + operation));
            // Counted as an operation itself, so that the memory stays mapped while the file's count drops.
            try {
                region.releaseOwn(group);
            } finally {
                if (counted) {
                    exitCounted();
                } else {
                    end();
                }
            }
        }

        private void end() {
            if (STATE.compareAndSet(this, CLOSED, CLOSED | ENDED)) {
                region.unretain();
            }
        }
    }
}
