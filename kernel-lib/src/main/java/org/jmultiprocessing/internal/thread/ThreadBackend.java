package org.jmultiprocessing.internal.thread;

import java.util.List;

import org.jmultiprocessing.internal.pool.PoolEngine;
import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.Pools;
import org.jmultiprocessing.spi.ProcessSpec;
import org.jmultiprocessing.spi.Processes;
import org.jmultiprocessing.spi.SharedBlocks;
import org.jmultiprocessing.spi.SharedCells;
import org.jmultiprocessing.spi.Signals;
import org.jmultiprocessing.spi.StartedProcess;

/**
 * Python's {@code multiprocessing.dummy}: every process a thread of this JVM, pools of threads, and
 * everything shared an ordinary object of this JVM: fast tests, and the threads-against-processes lesson.
 */
public final class ThreadBackend implements Backend {
    public static final ThreadBackend INSTANCE = new ThreadBackend();

    /** Every process a thread running the task with the objects themselves. */
    private static final Processes THREAD_PROCESSES = new Processes() {
        @Override
        public StartedProcess start(ProcessSpec spec) {
            return ThreadProcess.start(spec);
        }

        @Override
        public List<StartedProcess> running() {
            return ThreadProcess.running();
        }
    };

    private ThreadBackend() {
    }

    @Override
    public String name() {
        return "thread";
    }

    @Override
    public Processes processes() {
        return THREAD_PROCESSES;
    }

    @Override
    public Pools pools() {
        return PoolEngine::ofThreads;
    }

    @Override
    public Channels channels() {
        throw new UnsupportedOperationException("not yet behind the seam");
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
