package org.jmultiprocessing.internal.process;

import org.jmultiprocessing.internal.launch.ChildLauncher;
import org.jmultiprocessing.internal.launch.Launcher;
import org.jmultiprocessing.internal.pool.PoolEngine;
import org.jmultiprocessing.internal.pool.PoolWarmUp;
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

    static {
        // Before any child starts: a standby then readies itself (and the archive records) for pool work too.
        Launcher.addWarmUp(PoolWarmUp.class);
    }

    private ProcessBackend() {
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public Processes processes() {
        return ChildLauncher.INSTANCE;
    }

    @Override
    public Pools pools() {
        return PoolEngine::ofProcesses;
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
