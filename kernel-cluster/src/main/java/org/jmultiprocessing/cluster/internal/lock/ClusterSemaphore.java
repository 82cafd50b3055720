package org.jmultiprocessing.cluster.internal.lock;

import java.io.Serializable;
import java.nio.file.Path;

import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.SemaphoreImpl;

/**
 * A {@code Semaphore} or {@code BoundedSemaphore} of the cluster: a {@link Permits} counter (bounded by its
 * initial value, or not at all). Under a network split each side counts on its own copy.
 */
final class ClusterSemaphore implements SemaphoreImpl {
    private final Permits permits;
    private final String kind;
    private volatile boolean closed;

    ClusterSemaphore(Permits permits, String kind) {
        this.permits = permits;
        this.kind = kind;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(kind + " is closed in this instance (close() was called)");
        }
    }

    @Override
    public boolean acquire(long deadline) {
        checkOpen();
        return permits.acquireAnonymous(deadline);
    }

    @Override
    public boolean release() {
        checkOpen();
        return permits.release();
    }

    @Override
    public int value() {
        checkOpen();
        return permits.state().value();
    }

    @Override
    public String state() {
        return closed ? "closed" : "value=" + permits.state().value();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Path path() {
        throw new UnsupportedOperationException("a semaphore of the cluster context has no file: it is the entry "
                + permits.name() + " of the cluster map " + permits.site().sync().getName());
    }

    @Override
    public Object transit(Rebuild<SemaphoreImpl> rebuild) {
        checkOpen();
        return new Handle(permits.site().session(), permits.name(), kind, rebuild);
    }

    private record Handle(String session, String name, String kind, Rebuild<SemaphoreImpl> rebuild) implements Serializable {
        private Object readResolve() {
            return rebuild.around(new ClusterSemaphore(Permits.attach(Site.arrived(session), name), kind));
        }
    }
}
