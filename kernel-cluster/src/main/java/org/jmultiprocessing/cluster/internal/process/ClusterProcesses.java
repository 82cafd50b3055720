package org.jmultiprocessing.cluster.internal.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jmultiprocessing.cluster.internal.client.NotebookSession;
import org.jmultiprocessing.spi.ProcessSpec;
import org.jmultiprocessing.spi.Processes;
import org.jmultiprocessing.spi.StartedProcess;

/** The processes of one notebook session: each a task on a member, taken in turn. */
public final class ClusterProcesses implements Processes {
    private final NotebookSession session;
    private final Set<ClusterProcess> running = ConcurrentHashMap.newKeySet();

    public ClusterProcesses(NotebookSession session) {
        this.session = session;
    }

    @Override
    public StartedProcess start(ProcessSpec spec) {
        ClusterProcess process = ClusterProcess.start(session, spec, running::remove);
        if (process.isAlive()) {
            running.add(process);
        }
        return process;
    }

    @Override
    public List<StartedProcess> running() {
        List<StartedProcess> alive = new ArrayList<>();
        running.stream().filter(ClusterProcess::isAlive).forEach(alive::add);
        return alive;
    }
}
