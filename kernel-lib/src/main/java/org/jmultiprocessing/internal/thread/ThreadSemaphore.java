package org.jmultiprocessing.internal.thread;

import java.nio.file.Path;

import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.SemaphoreImpl;

/** A counting semaphore of this JVM; a bounded one is never released above its initial value. */
final class ThreadSemaphore implements SemaphoreImpl {
    private final Permits permits;
    private final String kindName;
    private volatile boolean closed;

    ThreadSemaphore(int value, boolean bounded) {
        this.permits = new Permits(value, bounded ? value : Integer.MAX_VALUE);
        this.kindName = bounded ? "bounded-semaphore" : "semaphore";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(kindName + " is closed in this instance (close() was called)");
        }
    }

    @Override
    public boolean acquire(long deadline) {
        checkOpen();
        return permits.acquire(deadline);
    }

    @Override
    public boolean release() {
        checkOpen();
        return permits.release();
    }

    @Override
    public int value() {
        checkOpen();
        return permits.available();
    }

    @Override
    public String state() {
        return closed ? "closed" : "value=" + permits.available();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Path path() {
        throw new UnsupportedOperationException("a semaphore of the thread context has no file: it lives in this JVM's memory");
    }

    @Override
    public Object transit(Rebuild<SemaphoreImpl> rebuild) {
        throw LocalOnly.notTransferable("Semaphore");
    }
}
