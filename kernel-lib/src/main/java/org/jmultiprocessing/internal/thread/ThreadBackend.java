package org.jmultiprocessing.internal.thread;

import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.Pools;
import org.jmultiprocessing.spi.Processes;
import org.jmultiprocessing.spi.SharedBlocks;
import org.jmultiprocessing.spi.SharedCells;
import org.jmultiprocessing.spi.Signals;

/**
 * Python's {@code multiprocessing.dummy}: every process a thread of this JVM, pools of threads, and
 * everything shared an ordinary object of this JVM: fast tests, and the threads-against-processes lesson.
 */
public final class ThreadBackend implements Backend {
    public static final ThreadBackend INSTANCE = new ThreadBackend();

    private ThreadBackend() {
    }

    @Override
    public String name() {
        return "thread";
    }

    @Override
    public Processes processes() {
        throw new UnsupportedOperationException("not yet behind the seam");
    }

    @Override
    public Pools pools() {
        throw new UnsupportedOperationException("not yet behind the seam");
    }

    @Override
    public Channels channels() {
        return LocalChannels.INSTANCE;
    }

    @Override
    public Locks locks() {
        throw new UnsupportedOperationException("not yet behind the seam");
    }

    @Override
    public Signals signals() {
        throw new UnsupportedOperationException("not yet behind the seam");
    }

    @Override
    public SharedCells cells() {
        throw new UnsupportedOperationException("not yet behind the seam");
    }

    @Override
    public SharedBlocks memory() {
        throw new UnsupportedOperationException("not yet behind the seam");
    }
}
