package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.PeerGoneException;
import org.jmultiprocessing.internal.codec.MessageCodec;
import static org.jmultiprocessing.internal.shm.RingDescriptor.*;

import java.nio.MappedByteBuffer;
import java.util.function.BooleanSupplier;

import org.jmultiprocessing.internal.runtime.Internals;

/**
 * Framed messages through a byte ring in shared memory (layout in {@link RingDescriptor}). Writers take the
 * write lock, readers the read lock; between them the ring is a single-producer single-consumer byte stream.
 *
 * <p>{@code peerGone} callbacks let a pipe notice that the other end is closed or its process died: they are
 * only consulted while a wait has reached its sleeping phase, since they are slow.
 */
final class MessageRing {
    private static final long PEER_CHECK_INTERVAL_NANOS = 2_000_000;
    private static final int PID = (int) Internals.pid();

    private final SharedRegion region;
    private final MappedByteBuffer buffer;
    private final int base;
    private final int capacity;
    private final int mask;
    private final int dataBase;

    MessageRing(SharedRegion region, int base) {
        this.region = region;
        this.buffer = region.buffer();
        this.base = base;
        this.capacity = region.getIntVolatile(base + CAPACITY_OFFSET);
        this.mask = capacity - 1;
        this.dataBase = base + DATA_OFFSET;
    }

    /** A received frame. */
    record Frame(int tag, byte[] payload) {
    }

    int capacity() {
        return capacity;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writing

    /**
     * Writes a whole frame only if the write lock is free and the ring has room for it now; never waits.
     * Returns whether it wrote.
     */
    boolean tryWrite(int tag, byte[] payload) {
        int frameLength = FRAME_HEADER_LENGTH + payload.length;
        if (frameLength > capacity || !region.compareAndSetInt(base + WRITE_LOCK_OFFSET, 0, PID)) {
            return false;
        }
        try {
            long tail = region.getLongPlain(base + TAIL_OFFSET);
            long head = region.getLongAcquire(base + HEAD_OFFSET);
            if (capacity - (tail - head) < frameLength) {
                return false;
            }
            putHeader(tail, payload.length, tag);
            copyIn(tail + FRAME_HEADER_LENGTH, payload, 0, payload.length);
            region.putLongRelease(base + TAIL_OFFSET, tail + frameLength);
            return true;
        } finally {
            region.putIntRelease(base + WRITE_LOCK_OFFSET, 0);
        }
    }

    /**
     * Writes, in order, as many of the waiting {@code items} (each at most {@code maxPayload} bytes) as fit
     * whole into the ring now, under one acquisition of the write lock, and removes them from the deque;
     * never waits. Returns how many it wrote.
     */
    int tryWriteAll(java.util.Deque<MessageCodec.Encoded> items, int maxPayload) {
        if (!region.compareAndSetInt(base + WRITE_LOCK_OFFSET, 0, PID)) {
            return 0;
        }
        int written = 0;
        try {
            long tail = region.getLongPlain(base + TAIL_OFFSET);
            long head = region.getLongAcquire(base + HEAD_OFFSET);
            MessageCodec.Encoded next;
            while ((next = items.peekFirst()) != null && next.length() <= maxPayload) {
                int frameLength = FRAME_HEADER_LENGTH + next.length();
                if (capacity - (tail - head) < frameLength) {
                    head = region.getLongAcquire(base + HEAD_OFFSET);
                    if (capacity - (tail - head) < frameLength) {
                        break;
                    }
                }
                putHeader(tail, next.length(), next.tag());
                copyIn(tail + FRAME_HEADER_LENGTH, next.bytes(), 0, next.length());
                tail += frameLength;
                items.removeFirst();
                if (++written % 64 == 0) {
                    region.putLongRelease(base + TAIL_OFFSET, tail);
                }
            }
            region.putLongRelease(base + TAIL_OFFSET, tail);
            return written;
        } finally {
            region.putIntRelease(base + WRITE_LOCK_OFFSET, 0);
        }
    }

    /**
     * Writes a frame, waiting for the write lock and for room (a frame longer than the ring is streamed while
     * the reader consumes it). Throws {@link PeerGoneException} if {@code readerGone} reports that nobody
     * will ever read.
     */
    void write(int tag, byte[] payload, int offset, int length, BooleanSupplier readerGone) {
        lockUntil(WRITE_LOCK_OFFSET, Deadline.FOREVER);
        try {
            long tail = region.getLongPlain(base + TAIL_OFFSET);
            int frameLength = FRAME_HEADER_LENGTH + length;
            if (frameLength <= capacity && capacity - (tail - region.getLongAcquire(base + HEAD_OFFSET)) >= frameLength) {
                // Room for the whole frame now: published with one store, as by tryWrite, so never half visible.
                putHeader(tail, length, tag);
                copyIn(tail + FRAME_HEADER_LENGTH, payload, offset, length);
                region.putLongRelease(base + TAIL_OFFSET, tail + frameLength);
                return;
            }
            awaitRoom(tail, FRAME_HEADER_LENGTH, readerGone);
            byte[] header = new byte[FRAME_HEADER_LENGTH];
            java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.nativeOrder()).putInt(0, length).putInt(4, tag);
            region.putIntVolatile(base + WRITE_IN_FRAME_OFFSET, 1);
            tail = stream(tail, header, 0, FRAME_HEADER_LENGTH, readerGone);
            stream(tail, payload, offset, length, readerGone);
            region.putIntVolatile(base + WRITE_IN_FRAME_OFFSET, 0);
        } finally {
            region.putIntRelease(base + WRITE_LOCK_OFFSET, 0);
        }
    }

    /**
     * Begins a frame of {@code length} bytes to be streamed in by {@link FrameStream#copy}, if the write lock
     * and room for the frame's header come within {@code patienceNanos}; null otherwise (nothing written).
     * Until the stream is {@linkplain FrameStream#finish() finished} the write lock stays taken: any thread of
     * this process may go on with it.
     */
    FrameStream tryBeginFrame(int tag, int length, long patienceNanos) {
        long deadline = Deadline.deadlineAfter(patienceNanos);
        if (!lockUntil(WRITE_LOCK_OFFSET, deadline)) {
            return null;
        }
        long tail = region.getLongPlain(base + TAIL_OFFSET);
        Backoff backoff = new Backoff(deadline, false);
        while (capacity - (tail - region.getLongAcquire(base + HEAD_OFFSET)) < FRAME_HEADER_LENGTH) {
            if (backoff.expired()) {
                region.putIntRelease(base + WRITE_LOCK_OFFSET, 0);
                return null;
            }
            backoff.idle();
        }
        region.putIntVolatile(base + WRITE_IN_FRAME_OFFSET, 1);
        putHeader(tail, length, tag);
        tail += FRAME_HEADER_LENGTH;
        region.putLongRelease(base + TAIL_OFFSET, tail);
        return new FrameStream(tail);
    }

    /** A frame begun by {@link #tryBeginFrame}, whose body is still being written. */
    final class FrameStream {
        private long tail;

        private FrameStream(long tail) {
            this.tail = tail;
        }

        /**
         * Copies {@code source[offset, offset + length)} in as the reader makes room, until all of it is in
         * or no room has appeared for {@code stallNanos} ({@link Deadline#FOREVER} to wait for as long as it
         * takes); returns how many bytes it copied. Uninterruptible: the frame must be finished.
         */
        int copy(byte[] source, int offset, int length, long stallNanos) {
            int copied = 0;
            Backoff backoff = null;
            while (copied < length) {
                long head = region.getLongAcquire(base + HEAD_OFFSET);
                int room = (int) Math.min(capacity - (tail - head), length - copied);
                if (room > 0) {
                    copyIn(tail, source, offset + copied, room);
                    tail += room;
                    copied += room;
                    region.putLongRelease(base + TAIL_OFFSET, tail);
                    backoff = null;
                    continue;
                }
                if (backoff == null) {
                    backoff = new Backoff(Deadline.deadlineAfter(stallNanos), false);
                }
                if (backoff.expired()) {
                    break;
                }
                backoff.idle();
            }
            return copied;
        }

        /** Ends the frame, once its whole body is in, and releases the write lock. */
        void finish() {
            region.putIntVolatile(base + WRITE_IN_FRAME_OFFSET, 0);
            region.putIntRelease(base + WRITE_LOCK_OFFSET, 0);
        }
    }

    /** Waits, interruptibly, for room for the frame header: nothing has been written yet. */
    private void awaitRoom(long tail, int count, BooleanSupplier readerGone) {
        Backoff backoff = new Backoff(Deadline.FOREVER);
        while (capacity - (tail - region.getLongAcquire(base + HEAD_OFFSET)) < count) {
            if (readerGone != null && backoff.slowCheckDue() && readerGone.getAsBoolean()) {
                throw new PeerGoneException("broken pipe: the receiving end is closed");
            }
            backoff.idle();
        }
    }

    /** Copies bytes in as room appears; uninterruptible, since a frame once started must be finished. */
    private long stream(long tail, byte[] source, int offset, int length, BooleanSupplier readerGone) {
        Backoff backoff = null;
        while (length > 0) {
            long head = region.getLongAcquire(base + HEAD_OFFSET);
            int room = (int) Math.min(capacity - (tail - head), length);
            if (room > 0) {
                copyIn(tail, source, offset, room);
                tail += room;
                offset += room;
                length -= room;
                region.putLongRelease(base + TAIL_OFFSET, tail);
                if (backoff != null) {
                    backoff.restart();
                }
                continue;
            }
            if (backoff == null) {
                backoff = new Backoff(Deadline.FOREVER, false);
            }
            if (readerGone != null && backoff.slowCheckDue() && readerGone.getAsBoolean()) {
                throw new PeerGoneException("broken pipe: the receiving end is closed");
            }
            backoff.idle();
        }
        return tail;
    }

    private void putHeader(long position, int length, int tag) {
        int index = (int) (position & mask);
        if (index + FRAME_HEADER_LENGTH <= capacity) {
            region.putIntPlain(dataBase + index, length);
            region.putIntPlain(dataBase + index + 4, tag);
        } else {
            byte[] header = new byte[FRAME_HEADER_LENGTH];
            java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.nativeOrder()).putInt(0, length).putInt(4, tag);
            copyIn(position, header, 0, FRAME_HEADER_LENGTH);
        }
    }

    private void copyIn(long position, byte[] source, int offset, int length) {
        int index = (int) (position & mask);
        int first = Math.min(length, capacity - index);
        buffer.put(dataBase + index, source, offset, first);
        if (first < length) {
            buffer.put(dataBase, source, offset + first, length - first);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    /**
     * Reads the next frame, waiting until {@code deadline} ({@link Backoff#FOREVER} for no limit) for one to
     * start; returns null when the deadline passes first. Throws {@link PeerGoneException} when nothing is
     * buffered and {@code writerGone} reports that nothing more will be written.
     */
    Frame read(long deadline, BooleanSupplier writerGone) {
        if (!lockUntil(READ_LOCK_OFFSET, deadline)) {
            return null;
        }
        try {
            long head = region.getLongPlain(base + HEAD_OFFSET);
            if (!awaitBytes(head, FRAME_HEADER_LENGTH, deadline, writerGone, true)) {
                return null;
            }
            int index = (int) (head & mask);
            int length;
            int tag;
            if (index + FRAME_HEADER_LENGTH <= capacity) {
                length = region.getIntPlain(dataBase + index);
                tag = region.getIntPlain(dataBase + index + 4);
            } else {
                byte[] header = new byte[FRAME_HEADER_LENGTH];
                copyOut(head, header, 0, FRAME_HEADER_LENGTH);
                java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.nativeOrder());
                length = view.getInt(0);
                tag = view.getInt(4);
            }
            if (length < 0) {
                throw new IllegalStateException("corrupt message ring " + region.path() + ": negative frame length");
            }
            head += FRAME_HEADER_LENGTH;
            byte[] payload = new byte[length];
            long tail = region.getLongAcquire(base + TAIL_OFFSET);
            if (tail - head >= length) {
                copyOut(head, payload, 0, length);
                region.putLongRelease(base + HEAD_OFFSET, head + length);
            } else {
                region.putIntVolatile(base + READ_IN_FRAME_OFFSET, 1);
                region.putLongRelease(base + HEAD_OFFSET, head);
                drain(head, payload, writerGone);
                region.putIntVolatile(base + READ_IN_FRAME_OFFSET, 0);
            }
            return new Frame(tag, payload);
        } finally {
            region.putIntRelease(base + READ_LOCK_OFFSET, 0);
        }
    }

    /** True when a frame has at least started to arrive and nobody is reading it. */
    boolean hasData() {
        return region.getLongAcquire(base + TAIL_OFFSET) != region.getLongAcquire(base + HEAD_OFFSET);
    }

    private boolean awaitBytes(long head, int count, long deadline, BooleanSupplier writerGone, boolean interruptible) {
        Backoff backoff = null;
        while (region.getLongAcquire(base + TAIL_OFFSET) - head < count) {
            if (backoff == null) {
                backoff = new Backoff(deadline, interruptible);
            }
            if (backoff.expired()) {
                return false;
            }
            if (writerGone != null && backoff.slowCheckDue() && writerGone.getAsBoolean()
                    && region.getLongAcquire(base + TAIL_OFFSET) - head < count) {
                throw new PeerGoneException("end of file: the sending end is closed");
            }
            backoff.idle();
        }
        return true;
    }

    /** Reads a frame body that is still being streamed in, publishing the head as it goes. */
    private void drain(long head, byte[] payload, BooleanSupplier writerGone) {
        int offset = 0;
        while (offset < payload.length) {
            awaitBytes(head, 1, Deadline.FOREVER, writerGone, false);
            long tail = region.getLongAcquire(base + TAIL_OFFSET);
            int available = (int) Math.min(tail - head, payload.length - offset);
            copyOut(head, payload, offset, available);
            head += available;
            offset += available;
            region.putLongRelease(base + HEAD_OFFSET, head);
        }
    }

    private void copyOut(long position, byte[] target, int offset, int length) {
        int index = (int) (position & mask);
        int first = Math.min(length, capacity - index);
        buffer.get(dataBase + index, target, offset, first);
        if (first < length) {
            buffer.get(dataBase, target, offset + first, length - first);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Side locks

    /**
     * Takes a side's lock, waiting until {@code deadline}. The lock word holds the owner's process id, so a
     * waiter can take over the lock of a process that died holding it (killed while waiting in
     * {@code get}, typically), provided it died between frames; one that died in the middle of a frame
     * leaves the ring unreadable, which is reported.
     */
    private boolean lockUntil(int lockOffset, long deadline) {
        int offset = base + lockOffset;
        if (region.compareAndSetInt(offset, 0, PID)) {
            return true;
        }
        Backoff backoff = new Backoff(deadline);
        long lastOwnerCheck = System.nanoTime();
        while (true) {
            int owner = region.getIntVolatile(offset);
            if (owner == 0 && region.compareAndSetInt(offset, 0, PID)) {
                return true;
            }
            if (backoff.expired()) {
                return false;
            }
            if (owner != 0 && owner != PID && backoff.sleeping()
                    && System.nanoTime() - lastOwnerCheck > PEER_CHECK_INTERVAL_NANOS) {
                lastOwnerCheck = System.nanoTime();
                if (!ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    int inFrame = lockOffset == WRITE_LOCK_OFFSET ? WRITE_IN_FRAME_OFFSET : READ_IN_FRAME_OFFSET;
                    if (region.getIntVolatile(base + inFrame) != 0) {
                        throw new IllegalStateException("process " + owner + " died in the middle of "
                                + (lockOffset == WRITE_LOCK_OFFSET ? "writing" : "reading") + " a message of "
                                + region.path().getFileName() + "; its contents are lost: create a new one");
                    }
                    if (region.compareAndSetInt(offset, owner, PID)) {
                        return true;
                    }
                }
            }
            backoff.idle();
        }
    }
}
