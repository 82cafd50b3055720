package org.jmultiprocessing.cluster.internal.lock;

import java.io.Serializable;
import java.nio.file.Path;

import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A {@code Lock} or {@code RLock} of the cluster: a {@link Permits} counter of one permit, taken and given back
 * by entry processors, never the IMap's own lock (which belongs to the calling thread and its client: a
 * Python Lock may be released by any thread or process). The holder is recorded as the cluster endpoint and
 * thread that took it, as the local backends record a process and thread; an RLock is released only by it.
 * Under a network split each side keeps its own copy, so two holders are possible until the cluster heals:
 * run members on one reliable network.
 */
final class ClusterLock implements LockImpl {
    private final Permits permits;
    private final boolean recursive;
    private volatile boolean closed;

    ClusterLock(Permits permits, boolean recursive) {
        this.permits = permits;
        this.recursive = recursive;
    }

    private String kind() {
        return recursive ? "rlock" : "lock";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(kind() + " is closed in this instance (close() was called)");
        }
    }

    @Override
    public boolean acquire(long deadline) {
        checkOpen();
        return recursive ? permits.acquireRecursive(deadline) : permits.acquireOwned(deadline);
    }

    @Override
    public boolean release() {
        checkOpen();
        return recursive ? permits.releaseRecursive() : permits.release();
    }

    @Override
    public int value() {
        checkOpen();
        return permits.state().value();
    }

    @Override
    public boolean isOwnedByCurrentThread() {
        checkOpen();
        return permits.isOwnedByCurrentThread();
    }

    @Override
    public String holder() {
        checkOpen();
        return permits.holder();
    }

    @Override
    public int releaseFully() {
        checkOpen();
        if (!recursive) {
            if (!permits.release()) {
                throw new IllegalStateException("lock released too many times: release() was called without a matching acquire()");
            }
            return 1;
        }
        int depth = permits.releaseFully();
        if (depth < 0) {
            throw new IllegalStateException("cannot wait on a condition using an RLock " + permits.holder());
        }
        return depth;
    }

    @Override
    public void reacquire(int depth) {
        checkOpen();
        permits.reacquire(depth);
    }

    @Override
    public String state() {
        if (closed) {
            return "closed";
        }
        PermitState state = permits.state();
        if (!recursive) {
            return state.value() > 0 ? "unlocked" : "locked";
        }
        return !state.isHeld() ? "unlocked" : "owner " + permits.describeOwner(state) + ", depth " + state.depth();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Path path() {
        throw new UnsupportedOperationException("a" + (recursive ? "n RLock" : " Lock") + " of the cluster context has no"
                + " file: it is the entry " + permits.name() + " of the cluster map " + permits.site().sync().getName());
    }

    @Override
    public Object transit(Rebuild<LockImpl> rebuild) {
        checkOpen();
        return new Handle(permits.site().session(), permits.name(), recursive, rebuild);
    }

    /** The lock on its way to another JVM: its name, reattached where it arrives. */
    private record Handle(String session, String name, boolean recursive, Rebuild<LockImpl> rebuild) implements Serializable {
        private Object readResolve() {
            return rebuild.around(new ClusterLock(Permits.attach(Site.arrived(session), name), recursive));
        }
    }
}
