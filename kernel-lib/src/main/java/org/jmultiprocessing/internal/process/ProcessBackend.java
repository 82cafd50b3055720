package org.jmultiprocessing.internal.process;

import java.io.IOException;
import java.nio.file.Paths;

import org.jmultiprocessing.internal.launch.ChildLauncher;
import org.jmultiprocessing.internal.launch.Launcher;
import org.jmultiprocessing.internal.manager.ManagerServer;
import org.jmultiprocessing.internal.manager.ServerManagers;
import org.jmultiprocessing.internal.pool.PoolEngine;
import org.jmultiprocessing.internal.pool.PoolWarmUp;
import org.jmultiprocessing.internal.shm.SharedChannels;
import org.jmultiprocessing.internal.thread.ThreadBackend;
import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.Managers;
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

    /** Managers whose server is a child JVM holding the thread backend's objects, shared by its threads. */
    @Override
    public Managers managers() {
        return new ServerManagers(ChildLauncher.INSTANCE, ProcessBackend::serveManager);
    }

    /** The manager server's code, run in its child JVM. */
    public static void serveManager(String address) throws IOException {
        ManagerServer.serve(Paths.get(address), ThreadBackend.INSTANCE);
    }
}
