package org.jmultiprocessing.internal.manager;

import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.Pools;
import org.jmultiprocessing.spi.Processes;
import org.jmultiprocessing.spi.SharedBlocks;
import org.jmultiprocessing.spi.SharedCells;
import org.jmultiprocessing.spi.Signals;

/**
 * The objects of a manager's server as a backend: every lock, queue, event, value... it makes lives in the
 * server and is reached through a proxy. It starts no processes and maps no memory.
 */
final class RemoteBackend implements Backend {
    private final String address;

    RemoteBackend(String address) {
        this.address = address;
    }

    @Override
    public String name() {
        return "manager";
    }

    @Override
    public Locks locks() {
        return RemoteObject.proxy(new ObjectRef(address, ManagerServer.LOCKS), Locks.class);
    }

    @Override
    public Signals signals() {
        return RemoteObject.proxy(new ObjectRef(address, ManagerServer.SIGNALS), Signals.class);
    }

    @Override
    public SharedCells cells() {
        return RemoteObject.proxy(new ObjectRef(address, ManagerServer.CELLS), SharedCells.class);
    }

    @Override
    public Channels channels() {
        return RemoteObject.proxy(new ObjectRef(address, ManagerServer.CHANNELS), Channels.class);
    }

    @Override
    public Processes processes() {
        throw notHere("processes");
    }

    @Override
    public Pools pools() {
        throw notHere("pools");
    }

    @Override
    public SharedBlocks memory() {
        throw notHere("shared memory blocks");
    }

    private static UnsupportedOperationException notHere(String what) {
        return new UnsupportedOperationException("a manager holds objects and makes no " + what
                + ": use the context that made the manager");
    }
}
