package org.jmultiprocessing.internal.process;

import org.jmultiprocessing.internal.shm.SharedChannels;
import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.Pools;
import org.jmultiprocessing.spi.Processes;
import org.jmultiprocessing.spi.SharedBlocks;
import org.jmultiprocessing.spi.SharedCells;
import org.jmultiprocessing.spi.Signals;

/**
 * The default backend: every process a child JVM ({@code internal.launch}), pools of worker JVMs
 * ({@code internal.pool}), and everything shared in memory-mapped files ({@code internal.shm}).
 */
public final class ProcessBackend implements Backend {
    public static final ProcessBackend INSTANCE = new ProcessBackend();

    private ProcessBackend() {
    }

    @Override
    public String name() {
        return "process";
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
        return SharedChannels.INSTANCE;
    }

    @Override
    public Locks locks() {
        return org.jmultiprocessing.internal.shm.SharedMemoryLocks.INSTANCE;
    }

    @Override
    public Signals signals() {
        return org.jmultiprocessing.internal.shm.SharedSignals.INSTANCE;
    }

    @Override
    public SharedCells cells() {
        return org.jmultiprocessing.internal.shm.SharedMemoryCells.INSTANCE;
    }

    @Override
    public SharedBlocks memory() {
        return org.jmultiprocessing.internal.shm.SharedMemoryBlocks.INSTANCE;
    }
}
