package org.jmultiprocessing.cluster.internal;

import java.util.Objects;

import org.jmultiprocessing.cluster.internal.client.NotebookSession;
import org.jmultiprocessing.cluster.internal.pool.ClusterPool;
import org.jmultiprocessing.cluster.internal.process.ClusterProcesses;

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
 * The {@code "cluster"} backend: processes and pool workers are tasks on Hazelcast members, queues are
 * IQueues, locks are IMap locks, values are IMap entries changed by entry processors, a manager's dict is an
 * IMap. Everything it stores is sealed with the {@link ClusterKey} and named under its notebook session.
 */
public final class ClusterBackend implements Backend {
    private final ClusterRuntime.Attachment attachment;
    private final String session;
    private ClusterProcesses processes;

    /**
     * @param session the notebook session everything made here belongs to (its names' prefix; freed with it)
     */
    public ClusterBackend(ClusterRuntime.Attachment attachment, String session) {
        this.attachment = Objects.requireNonNull(attachment, "attachment");
        this.session = Objects.requireNonNull(session, "session");
    }

    public ClusterRuntime.Attachment attachment() {
        return attachment;
    }

    public String session() {
        return session;
    }

    @Override
    public String name() {
        return "cluster";
    }

    /** Processes as tasks on members, started from the notebook that holds the session. */
    @Override
    public synchronized Processes processes() {
        if (processes == null) {
            processes = new ClusterProcesses(NotebookSession.of(session));
        }
        return processes;
    }

    /** Pools whose chunks are tasks on members, started from the notebook that holds the session. */
    @Override
    public Pools pools() {
        NotebookSession notebook = NotebookSession.of(session);
        return (processes, initializer, maxTasksPerChild) -> new ClusterPool(notebook, processes, initializer, maxTasksPerChild);
    }

    @Override
    public Channels channels() {
        throw new UnsupportedOperationException("cluster channels: not built yet");
    }

    @Override
    public Locks locks() {
        throw new UnsupportedOperationException("cluster locks: not built yet");
    }

    @Override
    public Signals signals() {
        throw new UnsupportedOperationException("cluster signals: not built yet");
    }

    @Override
    public SharedCells cells() {
        throw new UnsupportedOperationException("cluster values: not built yet");
    }

    @Override
    public SharedBlocks memory() {
        throw new UnsupportedOperationException("cluster shared memory: not built yet");
    }

    @Override
    public Managers managers() {
        throw new UnsupportedOperationException("cluster managers: not built yet");
    }
}
