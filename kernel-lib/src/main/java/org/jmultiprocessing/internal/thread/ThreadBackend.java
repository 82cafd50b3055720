package org.jmultiprocessing.internal.thread;

import java.util.List;

import org.jmultiprocessing.internal.manager.LocalManager;
import org.jmultiprocessing.internal.pool.PoolEngine;
import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.Managers;
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
        return LocalChannels.INSTANCE;
    }

    @Override
    public Locks locks() {
        return ThreadLocks.INSTANCE;
    }

    @Override
    public Signals signals() {
        return ThreadSignals.INSTANCE;
    }

    @Override
    public SharedCells cells() {
        return ThreadCells.INSTANCE;
    }

    /**
     * The process backend's named blocks: a named block is an operating-system facility (a file in the session
     * directory) that works within one JVM as well, and Python's {@code multiprocessing.dummy} has no blocks of its own.
     */
    @Override
    public SharedBlocks memory() {
        return org.jmultiprocessing.internal.shm.SharedMemoryBlocks.INSTANCE;
    }

    /** Python's {@code multiprocessing.dummy.Manager()}: the objects themselves, in this JVM. */
    @Override
    public Managers managers() {
        return () -> new LocalManager(this);
    }
}
