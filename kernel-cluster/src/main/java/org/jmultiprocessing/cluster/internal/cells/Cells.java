package org.jmultiprocessing.cluster.internal.cells;

import java.io.Serializable;
import java.nio.ByteBuffer;

import org.jmultiprocessing.cluster.internal.lock.ClusterLocks;
import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.LockImpl;

/**
 * The cells of one {@code Value} or {@code Array} in the cluster: a sealed entry of the session's sync map
 * holding the elements' bytes, read and written one element at a time by entry processors where the entry
 * lives, so each access is atomic and an {@code addAndGet} loses no update. A synchronized value has an
 * RLock of the cluster beside it (its entry named after the cells).
 */
final class Cells {
    private final Site site;
    private final String name;
    private final int length;
    private final int elementSize;
    private final LockImpl lock;

    private Cells(Site site, String name, int length, int elementSize, LockImpl lock) {
        this.site = site;
        this.name = name;
        this.length = length;
        this.elementSize = elementSize;
        this.lock = lock;
    }

    /** New cells of {@code length} elements holding {@code initialBits} each (0 for arrays). */
    static Cells create(Site site, String kind, int length, int elementSize, long initialBits, boolean withLock) {
        String name = site.newName(kind);
        ByteBuffer bytes = ByteBuffer.allocate(length * elementSize);
        if (initialBits != 0) {
            for (int i = 0; i < length; i++) {
                putBits(bytes, i, elementSize, initialBits);
            }
        }
        site.sync().set(name, site.key().seal(bytes.array()));
        return new Cells(site, name, length, elementSize, withLock ? ClusterLocks.newRLock(site, name + ".lock") : null);
    }

    static long bits(ByteBuffer cells, int index, int elementSize) {
        int at = index * elementSize;
        return switch (elementSize) {
            case 1 -> cells.get(at);
            case 2 -> cells.getChar(at);
            case 4 -> cells.getInt(at);
            default -> cells.getLong(at);
        };
    }

    static void putBits(ByteBuffer cells, int index, int elementSize, long bits) {
        int at = index * elementSize;
        switch (elementSize) {
            case 1 -> cells.put(at, (byte) bits);
            case 2 -> cells.putChar(at, (char) bits);
            case 4 -> cells.putInt(at, (int) bits);
            default -> cells.putLong(at, bits);
        }
    }

    int length() {
        return length;
    }

    LockImpl lock() {
        return lock;
    }

    long get(int index) {
        return site.step(name, new CellRead(index, elementSize));
    }

    void set(int index, long bits) {
        site.step(name, new CellWrite(CellWrite.SET, index, elementSize, bits));
    }

    /** Adds under the lock when there is one, so that it composes with code holding it. */
    long add(int op, long deltaBits) {
        if (lock == null) {
            return write(op, deltaBits);
        }
        lock.acquire(Deadline.FOREVER);
        try {
            return write(op, deltaBits);
        } finally {
            lock.release();
        }
    }

    private long write(int op, long deltaBits) {
        return site.step(name, new CellWrite(op, 0, elementSize, deltaBits));
    }

    /** What travels: the names, reattached where it arrives. */
    Ref ref() {
        return new Ref(site.session(), name, length, elementSize, lock != null);
    }

    record Ref(String session, String name, int length, int elementSize, boolean withLock) implements Serializable {
        Cells attach() {
            Site site = Site.arrived(session);
            return new Cells(site, name, length, elementSize, withLock ? ClusterLocks.attachRLock(site, name + ".lock") : null);
        }
    }
}
